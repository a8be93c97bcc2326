package org.ebbflow.planner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.route.TopologyAwareRouter;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/**
 * Two planning cycles on a leaf-spine of 4 spines and 4 leaves (10 Gb/s links): a quiet cycle that sleeps three
 * spines, then a surge that wakes them and moves demands, checked step by step for make-before-break order,
 * transitions, flow-rule differences, memory and the plan diff.
 */
class PlannerTest {
    static final TopologySnapshot T = LeafSpine.build(4, 4, 2, 10_000_000_000L, 10_000_000_000L);
    static final LeafSpineLayout L = LeafSpineLayout.detect(T);
    private static final long MINUTE = 60_000;

    static LinkLoads perLeaf(double bps) {
        double[] v = new double[T.linkCount()];
        for (int j = 0; j < L.leafCount(); j++) {
            for (int i = 0; i < L.spineCount(); i++) {
                v[L.up(j, i)] = bps / L.spineCount();
                v[L.down(i, j)] = bps / L.spineCount();
            }
        }
        return LinkLoads.of(T, v);
    }

    /** {@code count} bulk demands of {@code bps} from leaf 1 to leaf 2, alternating hosts. */
    static DemandSet leafToLeaf(int count, double bps) {
        List<Demand> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int src = T.hostIndex(LeafSpine.hostMac(1, 1 + i % 2));
            int dst = T.hostIndex(LeafSpine.hostMac(2, 1 + i % 2));
            out.add(Demand.betweenHosts(i, src, dst, bps, bps, DemandClass.BULK));
        }
        return DemandSet.of(out);
    }

    private final Planner planner = new Planner(new ForecastThresholdPolicy(), new TopologyAwareRouter());

    Plan quiet() {
        return planner.plan(PlanRequest.builder(T, leafToLeaf(4, 1e9)).nowMillis(0).currentLoads(perLeaf(2e9))
                .build());
    }

    @Test
    void aQuietCycleSleepsWhatNothingNeedsAfterInstallingRules() {
        Plan p = quiet();
        assertEquals(List.of(), PlanVerifier.verify(p, T, p.demands().demandSet()));
        assertEquals(5, p.powerAfter().awakeSwitches(), "four leaves and one spine");
        assertTrue(p.wakes().isEmpty());
        List<PlanStep> steps = p.steps();
        assertEquals(PlanStep.Kind.INSTALL_RULES, steps.get(0).kind());
        assertEquals(PlanStep.Kind.SLEEP, steps.get(steps.size() - 1).kind());
        assertEquals(2, steps.size());
        assertEquals(4 * 3, steps.get(0).rules().size(), "leaf, spine and egress leaf per demand");
        List<PowerTransition> sleeps = steps.get(1).transitions();
        int switches = 0;
        for (int i = 0; i < sleeps.size(); i++) {
            PowerTransition t = sleeps.get(i);
            assertEquals(PowerTransition.Direction.SLEEP, t.direction());
            if (t.isSwitch()) {
                switches++;
            } else {
                assertEquals(0, switches, "cables sleep before switches");
            }
        }
        assertEquals(3, switches);
        assertTrue(p.powerAfter().currentWatts() < p.powerBefore().currentWatts());
        assertEquals(p.powerBefore().allOnWatts(), p.powerAfter().allOnWatts());
        for (PowerTransition t : sleeps) {
            if (t.isSwitch()) {
                assertEquals(0L, p.nextMemory().switchChangedAt(t.device()), "memory records the sleep time");
            }
        }
        assertEquals(PolicyMemory.NEVER, p.nextMemory().switchChangedAt(T.switchAt(L.spine(0)).dpid()));
    }

    @Test
    void aSurgeWakesFirstWaitsThenMovesDemandsMakeBeforeBreak() {
        Plan first = quiet();
        // Twenty minutes later (past the dwell), eight 4 Gb/s demands: two per spine under the 90% bulk cap.
        Plan second = planner.plan(PlanRequest.builder(T, leafToLeaf(8, 4e9)).nowMillis(20 * MINUTE)
                .previous(first).current(first.after()).currentLoads(perLeaf(32e9)).build());
        assertEquals(List.of(), PlanVerifier.verify(second, T, second.demands().demandSet()));
        assertEquals(0, second.refusedCount());
        List<PlanStep> steps = second.steps();
        List<PlanStep.Kind> kinds = new ArrayList<>();
        steps.forEach(s -> kinds.add(s.kind()));
        assertEquals(List.of(PlanStep.Kind.WAKE, PlanStep.Kind.AWAIT_WAKE, PlanStep.Kind.INSTALL_RULES,
                PlanStep.Kind.REMOVE_RULES), kinds);
        assertEquals(PowerModelRegistry.DEFAULT_WAKE_LATENCY_MILLIS, steps.get(1).waitMillis());
        long wokenSpines = steps.get(0).transitions().stream().filter(PowerTransition::isSwitch).count();
        assertEquals(3, wokenSpines);
        for (PowerTransition t : steps.get(0).transitions()) {
            assertTrue(!t.reason().isEmpty());
            if (t.isSwitch()) {
                assertEquals(20 * MINUTE, second.nextMemory().switchChangedAt(t.device()));
            }
        }
        // The quiet plan's four demands move off spine 0 only if needed; new ones are added egress first.
        FlowRuleDiff rules = second.ruleDiff();
        assertEquals(rules.addCount(), steps.get(2).rules().size());
        assertEquals(rules.removeCount(), steps.get(3).rules().size());
        // Within each demand, new rules go from its egress back towards its ingress.
        int lastDemand = -1;
        int lastHop = Integer.MAX_VALUE;
        for (FlowRule r : steps.get(2).rules()) {
            int d = (int) r.demandId();
            int[] path = second.routing().path(d).switches(T);
            int hop = -1;
            for (int h = 0; h < path.length; h++) {
                hop = T.switchAt(path[h]).dpid().equals(r.device()) ? h : hop;
            }
            assertTrue(hop >= 0);
            assertTrue(d != lastDemand || hop < lastHop, "egress first within demand " + d);
            lastDemand = d;
            lastHop = hop;
        }
        PlanDiff diff = first.diff(second);
        assertEquals(3, diff.switchesChanged().size());
        assertEquals(rules.addCount(), diff.rules().addCount());
    }

    @Test
    void identicalCyclesChangeNothing() {
        Plan first = quiet();
        Plan again = planner.plan(PlanRequest.builder(T, first.demands().demandSet()).nowMillis(MINUTE)
                .previous(first).current(first.after()).currentLoads(perLeaf(2e9)).build());
        assertTrue(again.ruleDiff().isEmpty(), again.ruleDiff().toString());
        assertTrue(again.wakes().isEmpty() && again.sleeps().isEmpty());
        assertTrue(again.steps().isEmpty());
        PlanDiff diff = first.diff(again);
        assertTrue(diff.switchesChanged().isEmpty() && diff.cablesChanged().isEmpty()
                && diff.reroutedDemands().isEmpty());
        assertNotEquals(PolicyMemory.empty(), again.nextMemory(), "memory carries the first cycle's sleeps");
    }

    @Test
    void strategiesParseByName() {
        assertEquals(Strategy.TOPOLOGY_AWARE, Strategy.parse("Topology-Aware"));
        assertEquals("unknown strategy 'fast' (valid: always-on, elastic-tree, greedy, topology-aware)",
                assertThrows(IllegalArgumentException.class,
                        () -> Strategy.parse("fast")).getMessage());
        for (Strategy s : Strategy.values()) {
            Plan p = s.planner().plan(PlanRequest.builder(T, leafToLeaf(4, 1e9)).build());
            assertEquals(List.of(), PlanVerifier.verify(p, T, p.demands().demandSet()), s.token());
        }
    }
}
