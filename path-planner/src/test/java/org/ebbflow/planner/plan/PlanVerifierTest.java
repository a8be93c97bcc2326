package org.ebbflow.planner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.planner.route.RoutingFixtures;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/** The verifier finds each broken invariant in deliberately tampered plans, and nothing in sound ones. */
class PlanVerifierTest {
    private static final TopologySnapshot T = PlannerTest.T;

    private static Plan sound() {
        int a = T.hostIndex(LeafSpine.hostMac(1, 1));
        int b = T.hostIndex(LeafSpine.hostMac(3, 1));
        DemandSet set = DemandSet.of(List.of(Demand.betweenHosts(0, a, b, 4e9, 4e9, DemandClass.GUARANTEED),
                Demand.betweenHosts(1, a, b, 1e9, 1e9, DemandClass.BULK)));
        return Strategy.TOPOLOGY_AWARE.planner().plan(PlanRequest.builder(T, set).build());
    }

    private static Plan withAfter(Plan p, PowerStates after) {
        return new Plan(p.policy(), p.router(), p.nowMillis(), p.decision(), p.routing(), p.before(), after,
                p.wakes(), p.sleeps(), p.ruleDiff(), p.nextMemory(), p.powerBefore(), p.powerAfter(), p.caps());
    }

    private static Plan withRouting(Plan p, Routing r) {
        return new Plan(p.policy(), p.router(), p.nowMillis(), p.decision(), r, p.before(), p.after(), p.wakes(),
                p.sleeps(), p.ruleDiff(), p.nextMemory(), p.powerBefore(), p.powerAfter(), p.caps());
    }

    private static Set<Violation.Kind> kinds(List<Violation> vs) {
        Set<Violation.Kind> out = EnumSet.noneOf(Violation.Kind.class);
        vs.forEach(v -> out.add(v.kind()));
        return out;
    }

    @Test
    void aSoundPlanHoldsEveryInvariant() {
        Plan p = sound();
        assertEquals(List.of(), PlanVerifier.verify(p, T, p.demands().demandSet()));
    }

    @Test
    void sleepingASwitchOnAPathIsCaught() {
        Plan p = sound();
        int spine = T.linkDst(p.routing().pathLink(0, 0));
        PowerStates after = p.after().toBuilder().switchAwake(spine, false).build();
        Set<Violation.Kind> k = kinds(PlanVerifier.verify(withAfter(p, after), T, p.demands().demandSet()));
        assertTrue(k.contains(Violation.Kind.INACTIVE_ELEMENT_ON_PATH), k.toString());
        assertTrue(k.contains(Violation.Kind.PARTITION) && k.contains(Violation.Kind.DISCONNECTED_DEMAND),
                "the only awake spine is gone: " + k);
    }

    @Test
    void sleepingAPathsCableIsCaught() {
        Plan p = sound();
        PowerStates after = p.after().toBuilder().linkAwake(p.routing().pathLink(1, 1), false).build();
        List<Violation> v = PlanVerifier.verify(withAfter(p, after), T, p.demands().demandSet());
        assertTrue(kinds(v).contains(Violation.Kind.INACTIVE_ELEMENT_ON_PATH), v.toString());
    }

    @Test
    void sleepingALeafWithHostsPartitions() {
        Plan p = sound();
        PowerStates after = p.after().toBuilder().switchAwake(PlannerTest.L.leaf(3), false).build();
        Set<Violation.Kind> k = kinds(PlanVerifier.verify(withAfter(p, after), T, p.demands().demandSet()));
        assertEquals(EnumSet.of(Violation.Kind.PARTITION), k, "no demand uses leaf 4, but its hosts are cut off");
    }

    @Test
    void capsAndReservationsAreRecomputedFromThePaths() {
        Plan p = sound();
        ClassCaps tight = ClassCaps.builder().cap(DemandClass.GUARANTEED, 0.3).reservationCap(0.2).build();
        List<Violation> v = PlanVerifier.verify(p, T, p.demands().demandSet(), tight);
        assertEquals(EnumSet.of(Violation.Kind.OVER_CLASS_CAP, Violation.Kind.OVERBOOKED_RESERVATION), kinds(v));
        assertTrue(v.get(0).message().contains("above the guaranteed cap of 30%"), v.get(0).message());
    }

    @Test
    void brokenPathsAreCaught() {
        Plan p = sound();
        int up = p.routing().pathLink(0, 0);
        Routing wrong = RoutingFixtures.everyDemandOn(p.demands(), up, up);
        assertTrue(kinds(PlanVerifier.verify(withRouting(p, wrong), T, p.demands().demandSet()))
                .contains(Violation.Kind.BROKEN_PATH));
        Routing tooShort = RoutingFixtures.everyDemandOn(p.demands(), up);
        assertTrue(kinds(PlanVerifier.verify(withRouting(p, tooShort), T, p.demands().demandSet()))
                .contains(Violation.Kind.BROKEN_PATH));
    }

    @Test
    void aPlanForOtherInputsIsAMismatch() {
        Plan p = sound();
        assertEquals(EnumSet.of(Violation.Kind.MISMATCH),
                kinds(PlanVerifier.verify(p, LeafSpine.build(4, 4, 2, 1, 1), p.demands().demandSet())));
        assertEquals(EnumSet.of(Violation.Kind.MISMATCH), kinds(PlanVerifier.verify(p, T, DemandSet.empty())));
    }
}
