package org.ebbflow.openflow.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.openflow.actuation.ControlRules;
import org.ebbflow.openflow.actuation.FlowAction;
import org.ebbflow.openflow.actuation.FlowRule;
import org.ebbflow.openflow.actuation.SwitchProgrammer;
import org.ebbflow.openflow.packet.EthernetFrame;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyEvent;
import org.ebbflow.topology.discovery.TopologyListener;
import org.ebbflow.topology.discovery.TopologyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phase-1 always-on router: after topology changes (debounced) it computes destination routes with
 * {@link RouteComputer} and brings the switches' rules to them make-before-break: only hops whose next hop changed
 * are rewritten (same match and priority, so in place, under a new generation of the destination's cookie
 * {@code path(ipv4, generation)}), stage by stage from the destination's edge switch outwards with barriers in
 * between, and only then are the destination's rules removed from switches that no longer route it. A failed run
 * (a switch lost mid-way) forgets what it believed installed for the destinations concerned, so the next run
 * rewrites them against a fresh snapshot rather than trusting a half-applied state.
 *
 * <p>All work runs on the given single-threaded control executor; topology listeners only schedule it.
 */
public final class ProactiveRouter implements TopologyListener {
    private static final Logger log = LoggerFactory.getLogger(ProactiveRouter.class);
    private static final long RETRY_MILLIS = 1000;

    private final TopologyService topology;
    private final SwitchProgrammer programmer;
    private final ScheduledExecutorService control;
    private final long debounceMillis;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<IpAddress, Installed> installed = new HashMap<>();
    private boolean inFlight;
    private boolean dirty;
    private volatile long convergedVersion = -1;
    private volatile long rulesWritten;
    private volatile long lastRunMillis;
    private volatile int lastRunRules;

    /** What the switches hold for one destination, as far as the router knows. */
    private static final class Installed {
        int generation;
        Map<DatapathId, Long> ports = Map.of();
        /** Switches that may hold a rule for the destination (any generation). */
        Set<DatapathId> touched = new HashSet<>();
    }

    /**
     * @param control the single-threaded executor all routing work runs on
     * @param debounceMillis how long to wait after a change for more changes before recomputing
     */
    public ProactiveRouter(TopologyService topology, SwitchProgrammer programmer, ScheduledExecutorService control,
                           long debounceMillis) {
        this.topology = topology;
        this.programmer = programmer;
        this.control = control;
        this.debounceMillis = debounceMillis;
    }

    @Override
    public void event(TopologyEvent event) {
        requestRecompute();
    }

    /** Schedules a recomputation, unless one is already scheduled. Any thread. */
    public void requestRecompute() {
        if (scheduled.compareAndSet(false, true)) {
            control.schedule(this::run, debounceMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Records that a switch holds none of the router's rules (it was just cleared); any thread. */
    public void switchReset(DatapathId dpid) {
        control.execute(() -> {
            for (Installed i : installed.values()) {
                if (i.ports.containsKey(dpid)) {
                    Map<DatapathId, Long> copy = new HashMap<>(i.ports);
                    copy.remove(dpid);
                    i.ports = copy;
                }
                i.touched.remove(dpid);
            }
            convergedVersion = -1;
            requestRecompute();
        });
    }

    /** @return true if the rules match the current topology and nothing is pending */
    public boolean isConverged() {
        return convergedVersion == topology.version() && !scheduled.get();
    }

    /**
     * @param timeoutMillis how long to wait at most
     * @return a future completed once the rules match the topology (checked every 20 ms), failed with a
     *     {@link java.util.concurrent.TimeoutException} after the timeout
     */
    public java.util.concurrent.CompletableFuture<Void> whenConverged(long timeoutMillis) {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (isConverged()) {
                f.complete(null);
            } else if (System.nanoTime() > deadline) {
                f.completeExceptionally(new java.util.concurrent.TimeoutException(
                        "routes not converged within " + timeoutMillis + " ms"));
            } else {
                control.schedule(check[0], 20, TimeUnit.MILLISECONDS);
            }
        };
        control.execute(check[0]);
        return f;
    }

    /** @return rules written (added or replaced) so far */
    public long rulesWritten() {
        return rulesWritten;
    }

    /** @return the duration of the last run that wrote rules, from computation to the last barrier, in ms */
    public long lastRunMillis() {
        return lastRunMillis;
    }

    /** @return the number of rules the last run that wrote rules wrote */
    public int lastRunRules() {
        return lastRunRules;
    }

    private void run() {
        scheduled.set(false);
        if (inFlight) {
            dirty = true;
            return;
        }
        long start = System.nanoTime();
        TopologySnapshot snap = topology.snapshot();
        Map<IpAddress, DestinationRoutes> desired = RouteComputer.compute(snap);
        TreeMap<Integer, List<FlowRule>> stages = new TreeMap<>();
        Map<DatapathId, List<CookieFilter>> removals = new HashMap<>();
        List<IpAddress> changed = new ArrayList<>();
        Set<IpAddress> gone = new HashSet<>(installed.keySet());
        gone.removeAll(desired.keySet());
        for (IpAddress ip : gone) {
            Installed old = installed.get(ip);
            if (!old.touched.isEmpty()) {
                for (DatapathId d : old.touched) {
                    removals.computeIfAbsent(d, x -> new ArrayList<>()).add(allGenerations(ip));
                }
                changed.add(ip);
            } else {
                installed.remove(ip);
            }
        }
        int ruleCount = 0;
        for (DestinationRoutes r : desired.values()) {
            Installed old = installed.computeIfAbsent(r.destination(), ip -> new Installed());
            if (old.ports.equals(r.ports())) {
                continue;
            }
            changed.add(r.destination());
            int generation = (old.generation + 1) & EbbflowCookie.MAX_GENERATION;
            old.generation = generation;
            EbbflowCookie cookie = EbbflowCookie.path(RouteComputer.ipKey(r.destination()), generation);
            FlowMatch match = FlowMatch.builder().ethType(EthernetFrame.TYPE_IPV4).ipv4Dst(r.destination()).build();
            for (Map.Entry<DatapathId, Long> e : r.ports().entrySet()) {
                if (!e.getValue().equals(old.ports.get(e.getKey()))) {
                    stages.computeIfAbsent(r.hops(e.getKey()), h -> new ArrayList<>()).add(FlowRule.of(e.getKey(),
                            ControlRules.ROUTE_PRIORITY, match, List.of(FlowAction.output(e.getValue())), cookie));
                    ruleCount++;
                }
            }
            for (DatapathId d : old.touched) {
                if (!r.ports().containsKey(d)) {
                    removals.computeIfAbsent(d, x -> new ArrayList<>()).add(allGenerations(r.destination()));
                }
            }
        }
        if (changed.isEmpty()) {
            convergedVersion = snap.version();
            return;
        }
        apply(snap, desired, changed, new ArrayList<>(stages.values()), removals, ruleCount, start);
    }

    private void apply(TopologySnapshot snap, Map<IpAddress, DestinationRoutes> desired, List<IpAddress> changed,
                       List<List<FlowRule>> stages, Map<DatapathId, List<CookieFilter>> removals, int ruleCount,
                       long start) {
        // Until the run succeeds, a destination's rules are unknown but may be on the old and the new switches.
        for (IpAddress ip : changed) {
            Installed i = installed.get(ip);
            DestinationRoutes r = desired.get(ip);
            if (r != null) {
                i.touched.addAll(r.ports().keySet());
            }
            i.ports = Map.of();
        }
        inFlight = true;
        programmer.makeBeforeBreak(stages, removals).whenComplete((v, err) -> control.execute(() -> {
            inFlight = false;
            if (err != null) {
                log.warn("routing run for topology version {} failed, will re-verify: {}", snap.version(),
                        err.getCause() != null ? err.getCause().toString() : err.toString());
                control.schedule(this::requestRecompute, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            for (IpAddress ip : changed) {
                DestinationRoutes r = desired.get(ip);
                if (r == null) {
                    installed.remove(ip);
                } else {
                    Installed i = installed.get(ip);
                    i.ports = r.ports();
                    i.touched = new HashSet<>(r.ports().keySet());
                }
            }
            rulesWritten += ruleCount;
            lastRunRules = ruleCount;
            lastRunMillis = (System.nanoTime() - start) / 1_000_000;
            log.info("routes for {} destination(s) updated: {} rule(s) in {} stage(s), {} ms (topology version {})",
                    changed.size(), ruleCount, stages.size(), lastRunMillis, snap.version());
            if (dirty || snap.version() != topology.version()) {
                dirty = false;
                requestRecompute();
            } else {
                convergedVersion = snap.version();
            }
        }));
    }

    private static CookieFilter allGenerations(IpAddress ip) {
        return EbbflowCookie.path(RouteComputer.ipKey(ip), 0).allGenerationsFilter();
    }
}
