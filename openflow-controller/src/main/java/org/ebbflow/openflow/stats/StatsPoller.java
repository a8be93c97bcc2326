package org.ebbflow.openflow.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.ebbflow.flowstats.PortCounterSample;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.flows.FlowEntry;
import org.ebbflow.flowstats.flows.FlowRateTracker;
import org.ebbflow.flowstats.flows.FlowRates;
import org.ebbflow.flowstats.flows.FlowTableSnapshot;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.openflow.channel.SwitchRegistry;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.discovery.TopologyService;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the statistics half of a control cycle: port and flow statistics requested from every connected switch at
 * once, each reply converted and ingested on the control executor as it arrives (the collector and tracker are not
 * thread-safe), then, once every reply arrived or failed, port states and series steps brought up to date and stale
 * topology elements expired. Replies come back on the switches' own channel threads, so a slow switch delays only
 * the end of the cycle, never another switch.
 */
public final class StatsPoller {
    private static final Logger log = LoggerFactory.getLogger(StatsPoller.class);

    private final SwitchRegistry registry;
    private final TopologyService topology;
    private final PortStatsCollector ports;
    private final FlowRateTracker flows;
    private final ScheduledExecutorService control;
    private final LongSupplier clock;
    private final Map<DatapathId, FlowRates> latestFlows = new ConcurrentHashMap<>();
    private final Map<DatapathId, FlowTableSnapshot> latestTables = new ConcurrentHashMap<>();
    private volatile ControlCycle last;

    /**
     * @param control the single-threaded control executor; {@link #poll()} must run on it
     * @param clock the controller's clock in milliseconds
     */
    public StatsPoller(SwitchRegistry registry, TopologyService topology, PortStatsCollector ports,
                       FlowRateTracker flows, ScheduledExecutorService control, LongSupplier clock) {
        this.registry = registry;
        this.topology = topology;
        this.ports = ports;
        this.flows = flows;
        this.control = control;
        this.clock = clock;
    }

    /**
     * Starts one cycle. Call on the control executor.
     *
     * @return the cycle's summary once it ended (it never fails: failed requests are counted)
     */
    public CompletableFuture<ControlCycle> poll() {
        long startNanos = System.nanoTime();
        long startMillis = clock.getAsLong();
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<SwitchConnection> conns = new ArrayList<>(registry.connections());
        for (SwitchConnection sw : conns) {
            OFFactory f = sw.factory();
            DatapathId dpid = sw.dpid();
            done.add(sw.stats(f.buildPortStatsRequest().setXid(sw.nextXid()).setPortNo(OFPort.ANY).build())
                    .thenAcceptAsync(parts -> {
                        List<PortCounterSample> s = StatsConversions.portSamples(dpid, parts, clock.getAsLong());
                        ports.acceptAll(s);
                        samples.addAndGet(s.size());
                    }, control)
                    .exceptionally(err -> counted(failures, sw, "port", err)));
            done.add(sw.stats(f.buildFlowStatsRequest().setXid(sw.nextXid()).setTableId(TableId.ALL)
                            .setOutPort(OFPort.ANY).setOutGroup(OFGroup.ANY).setCookie(U64.ZERO)
                            .setCookieMask(U64.ZERO).setMatch(f.matchWildcardAll()).build())
                    .thenAcceptAsync(parts -> {
                        List<FlowEntry> e = StatsConversions.flowEntries(dpid, parts);
                        FlowTableSnapshot table = FlowTableSnapshot.of(dpid, clock.getAsLong(), e);
                        latestTables.put(dpid, table);
                        latestFlows.put(dpid, flows.ingest(table));
                        entries.addAndGet(e.size());
                    }, control)
                    .exceptionally(err -> counted(failures, sw, "flow", err)));
        }
        return CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).thenApplyAsync(v -> {
            long now = clock.getAsLong();
            ports.onCycle(now);
            int expired = topology.expire(now);
            ControlCycle c = new ControlCycle(startMillis, (System.nanoTime() - startNanos) / 1e6, conns.size(),
                    samples.get(), entries.get(), failures.get(), expired);
            last = c;
            log.debug("control cycle: {}", c);
            return c;
        }, control);
    }

    private static Void counted(AtomicInteger failures, SwitchConnection sw, String what, Throwable err) {
        failures.incrementAndGet();
        log.debug("{} statistics of {} failed: {}", what, sw, err.toString());
        return null;
    }

    /**
     * @return each polled switch's latest flow rates, for the traffic matrix; a live read-only view
     */
    public Map<DatapathId, FlowRates> latestFlows() {
        return Collections.unmodifiableMap(latestFlows);
    }

    /** @return each polled switch's latest flow table; a live read-only view */
    public Map<DatapathId, FlowTableSnapshot> latestTables() {
        return Collections.unmodifiableMap(latestTables);
    }

    /** @return the last finished cycle, or null before the first */
    public ControlCycle lastCycle() {
        return last;
    }
}
