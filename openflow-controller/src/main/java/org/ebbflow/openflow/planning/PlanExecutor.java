package org.ebbflow.openflow.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.flowstats.flows.FlowTableSnapshot;
import org.ebbflow.openflow.actuation.FlowRule;
import org.ebbflow.openflow.actuation.PowerActuator;
import org.ebbflow.openflow.actuation.SwitchProgrammer;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanStep;
import org.ebbflow.planner.plan.PowerTransition;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyService;

/**
 * Applies a {@link Plan} to the switches in its make-before-break order: wake switches and cables (ports up), wait
 * until every link the new paths use is rediscovered and usable, install the new rules stage by stage from each
 * demand's egress back to its ingress with barriers between stages, let the switches' flow caches drain, delete the
 * rules the new paths left, and only then put cables and switches to sleep (marked asleep, ports down). Each stage starts only once the previous one
 * completed on every switch it touched; the first failure (a switch lost, a rejected message, a timeout) fails the
 * whole future and nothing after it is sent, so the caller re-verifies against a fresh snapshot rather than trusting
 * a half-applied plan.
 */
public final class PlanExecutor {
    private final TopologyService topology;
    private final SwitchProgrammer programmer;
    private final PowerActuator power;
    private final ScheduledExecutorService timer;
    private final long wakeTimeoutMillis;
    private final long drainMillis;

    /**
     * @param timer runs the checks while waiting for woken links
     * @param wakeTimeoutMillis how long woken links may take to become usable before the plan fails
     * @param drainMillis how long to wait after the new rules are in before old rules go and ports go down. A
     *     barrier says the switch's flow table holds the new rules, but Open vSwitch forwards from a datapath flow
     *     cache that its revalidator threads update asynchronously (up to 500 ms by default), so for a moment packets
     *     still take the old next hop: deleting its rule or taking its port down at once loses them (measured: one
     *     ping per pair when a whole core's traffic moved). 0 for switches whose barriers cover forwarding.
     */
    public PlanExecutor(TopologyService topology, SwitchProgrammer programmer, PowerActuator power,
                        ScheduledExecutorService timer, long wakeTimeoutMillis, long drainMillis) {
        this.topology = topology;
        this.programmer = programmer;
        this.power = power;
        this.timer = timer;
        this.wakeTimeoutMillis = wakeTimeoutMillis;
        this.drainMillis = drainMillis;
    }

    private CompletableFuture<Void> drain(CompletableFuture<Void> chain) {
        if (drainMillis <= 0) {
            return chain;
        }
        return chain.thenCompose(v -> {
            CompletableFuture<Void> f = new CompletableFuture<>();
            timer.schedule(() -> f.complete(null), drainMillis, TimeUnit.MILLISECONDS);
            return f;
        });
    }

    /**
     * @param plan the plan
     * @param tables null to trust the plan's rule difference; else the switches' latest flow tables, and every path
     *     rule of the plan is (re)installed and every path rule the tables show that the plan does not place is
     *     deleted (re-verification after a failed plan or a switch reset)
     * @return a future completed when the whole plan is on the switches, failed at the first stage that failed
     */
    public CompletableFuture<Applied> apply(Plan plan, Collection<FlowTableSnapshot> tables) {
        Applied applied = new Applied();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        boolean rulesDone = false;
        for (PlanStep step : plan.steps()) {
            switch (step.kind()) {
                case WAKE:
                    chain = chain.thenCompose(v -> wake(step.transitions(), applied))
                            .thenCompose(v -> awaitUsable(usedLinks(plan.routing())));
                    break;
                case AWAIT_WAKE:
                    break; // waited for above: until the links forward, not for a fixed latency
                case INSTALL_RULES:
                    if (tables == null) {
                        List<List<FlowRule>> stages = PlanRules.stages(step.rules());
                        applied.rulesInstalled += step.rules().size();
                        chain = drain(chain.thenCompose(v -> programmer.makeBeforeBreak(stages, Map.of())));
                    }
                    break;
                case REMOVE_RULES:
                    if (tables == null) {
                        Map<DatapathId, List<CookieFilter>> removals =
                                PlanRules.removals(plan.ruleDiff().adds(), step.rules());
                        applied.rulesRemoved += removals.values().stream().mapToInt(List::size).sum();
                        chain = chain.thenCompose(v -> programmer.remove(removals));
                    }
                    break;
                case SLEEP:
                    if (tables != null && !rulesDone) {
                        chain = reverify(plan, tables, chain, applied);
                        rulesDone = true;
                    }
                    chain = chain.thenCompose(v -> sleep(step.transitions(), applied));
                    break;
                default:
                    throw new IllegalStateException("unknown step " + step.kind());
            }
        }
        if (tables != null && !rulesDone) {
            chain = reverify(plan, tables, chain, applied);
        }
        return chain.thenApply(v -> applied);
    }

    private CompletableFuture<Void> reverify(Plan plan, Collection<FlowTableSnapshot> tables,
                                             CompletableFuture<Void> chain, Applied applied) {
        // With no previous plan the difference lists every rule of the routing as an add.
        List<org.ebbflow.planner.plan.FlowRule> all = plan.ruleDiff().adds();
        List<List<FlowRule>> stages = PlanRules.stages(all);
        Map<DatapathId, List<CookieFilter>> stale = PlanRules.stale(all, tables);
        applied.rulesInstalled += all.size();
        applied.rulesRemoved += stale.values().stream().mapToInt(List::size).sum();
        return drain(chain.thenCompose(v -> programmer.makeBeforeBreak(stages, Map.of())))
                .thenCompose(v -> programmer.remove(stale));
    }

    private CompletableFuture<Void> wake(List<PowerTransition> wakes, Applied applied) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PowerTransition t : wakes) {
            done.add(t.isSwitch() ? power.wakeSwitch(t.device()) : power.wakeLink(t.cable()));
            applied.transitions++;
        }
        return CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0]));
    }

    private CompletableFuture<Void> sleep(List<PowerTransition> sleeps, Applied applied) {
        List<CompletableFuture<Void>> cables = new ArrayList<>();
        List<PowerTransition> switches = new ArrayList<>();
        for (PowerTransition t : sleeps) {
            if (t.isSwitch()) {
                switches.add(t);
            } else {
                cables.add(power.sleepLink(t.cable()));
            }
            applied.transitions++;
        }
        return CompletableFuture.allOf(cables.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (PowerTransition t : switches) {
                done.add(power.sleepSwitch(t.device()));
            }
            return CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0]));
        });
    }

    /** @return the links (both directions of each cable) that the routing's paths use */
    static Set<LinkKey> usedLinks(Routing routing) {
        TopologySnapshot t = routing.topology();
        Set<LinkKey> out = new HashSet<>();
        for (int d = 0; d < routing.demandCount(); d++) {
            for (int i = 0; i < Math.max(0, routing.pathLength(d)); i++) {
                out.add(t.link(routing.pathLink(d, i)).key());
            }
        }
        return out;
    }

    /** @return a future completed once every link is known and usable, failed after the wake timeout */
    CompletableFuture<Void> awaitUsable(Set<LinkKey> links) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wakeTimeoutMillis);
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            TopologySnapshot s = topology.snapshot();
            LinkKey missing = null;
            for (LinkKey k : links) {
                int l = s.linkIndex(k);
                if (l < 0 || !s.isLinkUsable(l)) {
                    missing = k;
                    break;
                }
            }
            if (missing == null) {
                f.complete(null);
            } else if (System.nanoTime() > deadline) {
                f.completeExceptionally(new TimeoutException("link " + missing + " not usable "
                        + wakeTimeoutMillis + " ms after waking"));
            } else {
                timer.schedule(check[0], 20, TimeUnit.MILLISECONDS);
            }
        };
        timer.execute(check[0]);
        return f;
    }

    /** What an application of a plan sent. Written by the executor, read once its future completed. */
    public static final class Applied {
        private int rulesInstalled;
        private int rulesRemoved;
        private int transitions;

        /** @return flow rules installed (added or rewritten in place) */
        public int rulesInstalled() {
            return rulesInstalled;
        }

        /** @return cookie deletes sent */
        public int rulesRemoved() {
            return rulesRemoved;
        }

        /** @return switch and cable sleeps and wakes */
        public int transitions() {
            return transitions;
        }
    }
}
