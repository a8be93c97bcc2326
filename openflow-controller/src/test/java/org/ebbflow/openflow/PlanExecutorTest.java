package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.openflow.actuation.FlowRule;
import org.ebbflow.openflow.actuation.PowerActuator;
import org.ebbflow.openflow.actuation.SwitchProgrammer;
import org.ebbflow.openflow.channel.SwitchUnavailableException;
import org.ebbflow.openflow.planning.ObservedDemands;
import org.ebbflow.openflow.planning.PlanExecutor;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.route.EcmpRouter;
import org.ebbflow.planner.route.TopologyAwareRouter;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyListener;
import org.ebbflow.topology.discovery.TopologyService;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executor's order and its failure path, against a recording programmer: the consolidating plan of an idle k=4
 * fat-tree (every switch awake, ECMP rules in place → the floor) installs, drains, removes, and only then sleeps; a
 * switch lost during the installs fails the plan there, with nothing removed and nothing put to sleep.
 */
class PlanExecutorTest {
    private final TopologySnapshot t = FatTree.build(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private Plan consolidation() {
        ObservedDemands observed = new ObservedDemands();
        Plan spread = new Planner(new AlwaysOnPolicy(), new EcmpRouter())
                .plan(PlanRequest.builder(t, observed.demands(t, List.of())).build());
        return new Planner(new ForecastThresholdPolicy(), new TopologyAwareRouter())
                .plan(PlanRequest.builder(t, observed.demands(t, List.of())).previous(spread).build());
    }

    private PlanExecutor executor(int failAtInstall) {
        TopologyService topology = new TopologyService() {
            @Override
            public TopologySnapshot snapshot() {
                return t;
            }

            @Override
            public long version() {
                return t.version();
            }

            @Override
            public void addListener(TopologyListener listener) {
            }

            @Override
            public void removeListener(TopologyListener listener) {
            }

            @Override
            public void setSwitchAsleep(DatapathId dpid, boolean asleep, long atMillis) {
                calls.add((asleep ? "mark-asleep " : "mark-awake ") + dpid);
            }

            @Override
            public void setLinkAsleep(LinkKey key, boolean asleep, long atMillis) {
                calls.add((asleep ? "mark-asleep " : "mark-awake ") + key);
            }

            @Override
            public int expire(long nowMillis) {
                return 0;
            }
        };
        SwitchProgrammer programmer = new SwitchProgrammer() {
            private int installs;

            @Override
            public CompletableFuture<Void> install(Collection<FlowRule> rules) {
                if (++installs == failAtInstall) {
                    calls.add("install-failed");
                    return CompletableFuture.failedFuture(new SwitchUnavailableException(
                            rules.iterator().next().dpid(), "connection closed"));
                }
                calls.add("install " + rules.size());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> remove(DatapathId dpid, CookieFilter filter) {
                return remove(Map.of(dpid, List.of(filter)));
            }

            @Override
            public CompletableFuture<Void> remove(Map<DatapathId, ? extends Collection<CookieFilter>> removals) {
                if (!removals.isEmpty()) {
                    calls.add("remove " + removals.values().stream().mapToInt(Collection::size).sum());
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> barrier(Collection<DatapathId> switches) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> makeBeforeBreak(List<? extends Collection<FlowRule>> stages,
                                                           Map<DatapathId, ? extends Collection<CookieFilter>> rm) {
                CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                for (Collection<FlowRule> s : stages) {
                    chain = chain.thenCompose(v -> install(s));
                }
                return chain.thenCompose(v -> remove(rm));
            }

            @Override
            public CompletableFuture<Void> setPortsUp(Collection<ConnectPoint> ports, boolean up) {
                calls.add((up ? "ports-up " : "ports-down ") + ports.size());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean isConnected(DatapathId dpid) {
                return true;
            }
        };
        PowerActuator power = new PowerActuator(topology, programmer, () -> CompletableFuture.completedFuture(null),
                System::currentTimeMillis);
        return new PlanExecutor(topology, programmer, power, timer, 1000, 50);
    }

    @Test
    void installsThenRemovesThenSleepsInThatOrder() throws Exception {
        Plan p = consolidation();
        assertEquals(7, p.sleeps().stream().filter(s -> s.isSwitch()).count(), "20 → 13 switches");
        PlanExecutor.Applied a = executor(0).apply(p, null).get(10, TimeUnit.SECONDS);
        assertEquals(p.ruleDiff().addCount(), a.rulesInstalled());
        int lastInstall = -1;
        int firstRemove = Integer.MAX_VALUE;
        int firstSleep = Integer.MAX_VALUE;
        for (int i = 0; i < calls.size(); i++) {
            String c = calls.get(i);
            if (c.startsWith("install")) {
                lastInstall = i;
            } else if (c.startsWith("remove")) {
                firstRemove = Math.min(firstRemove, i);
            } else if (c.startsWith("ports-down") || c.startsWith("mark-asleep")) {
                firstSleep = Math.min(firstSleep, i);
            }
        }
        assertTrue(lastInstall >= 0 && lastInstall < firstRemove && firstRemove < firstSleep, calls.toString());
        assertEquals(7, calls.stream().filter(c -> c.startsWith("ports-down")).count(), calls.toString());
    }

    @Test
    void switchLostDuringTheInstallsStopsThePlanBeforeAnythingIsRemovedOrSlept() {
        Plan p = consolidation();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> executor(2).apply(p, null).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SwitchUnavailableException, e.toString());
        assertTrue(calls.contains("install-failed"), calls.toString());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("remove") || c.startsWith("ports-down")
                || c.startsWith("mark-asleep")), "half a plan must not go on: " + calls);
    }
}
