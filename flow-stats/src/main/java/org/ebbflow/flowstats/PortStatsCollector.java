package org.ebbflow.flowstats;

import java.util.List;
import java.util.Map;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyService;

/**
 * The per-port statistics pipeline of one controller: registers the topology's ports, feeds counter samples through a
 * {@link CounterTracker} into a {@link SeriesStore}, and once per control cycle brings port states up to date so that
 * down and asleep ports read zero rather than a gap.
 *
 * <p>Not thread-safe: controllers hand samples to the thread that runs the control cycle.
 */
public final class PortStatsCollector {
    private final TopologyService topology;
    private final PortRegistry registry = new PortRegistry();
    private final SeriesStore store;
    private final CounterTracker tracker;
    private long registeredVersion = -1;

    /**
     * @param topology where ports, capacities and states come from
     * @param options the counter semantics and polling interval of the source
     */
    public PortStatsCollector(TopologyService topology, CounterTracker.Options options) {
        this(topology, options, SeriesStore.withDefaultTiers(options.expectedIntervalMillis()));
    }

    /** As above, with an explicit store layout. */
    public PortStatsCollector(TopologyService topology, CounterTracker.Options options, SeriesStore store) {
        this.topology = topology;
        this.store = store;
        this.tracker = new CounterTracker(registry, store, options);
        refreshPorts(topology.snapshot());
    }

    /** Ingests one sample; ports that appeared since the last cycle are registered first. */
    public SampleOutcome accept(PortCounterSample sample) {
        if (registry.indexOf(sample.port()) < 0) {
            refreshPorts(topology.snapshot());
        }
        return tracker.ingest(sample);
    }

    /** Ingests a poll's worth of samples in order. */
    public void acceptAll(List<PortCounterSample> samples) {
        for (PortCounterSample s : samples) {
            accept(s);
        }
    }

    /**
     * Runs the statistics part of a control cycle at {@code nowMillis}: registers new ports, marks ports that are not
     * {@link ElementState#ACTIVE} inactive (their rate is zero until they return), reports idle intervals for them,
     * and completes the store's steps that ended before now.
     */
    public void onCycle(long nowMillis) {
        TopologySnapshot t = topology.snapshot();
        refreshPorts(t);
        for (int s = 0; s < t.switchCount(); s++) {
            for (PortInfo p : t.portsOf(s)) {
                int index = registry.indexOf(p.connectPoint());
                boolean active = t.portState(p.connectPoint()) == ElementState.ACTIVE;
                if (tracker.isActive(index) != active) {
                    tracker.setActive(index, active);
                }
                if (!active) {
                    tracker.markIdle(index, nowMillis);
                }
            }
        }
        store.completeStepsBefore(nowMillis);
    }

    private void refreshPorts(TopologySnapshot t) {
        if (t.version() != registeredVersion) {
            registry.registerAll(t);
            store.reserve(registry.size());
            registeredVersion = t.version();
        }
    }

    /** @return the port numbering shared by the tracker and the store */
    public PortRegistry registry() {
        return registry;
    }

    /** @return the series store */
    public SeriesStore store() {
        return store;
    }

    /** @return how many samples had each outcome so far */
    public Map<SampleOutcome, Long> outcomes() {
        return tracker.counts();
    }
}
