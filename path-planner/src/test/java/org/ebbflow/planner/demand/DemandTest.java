package org.ebbflow.planner.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

/** Demands, sets and classes: values, validation and clear errors. */
class DemandTest {
    @Test
    void badValuesAreClearErrorsNamingTheDemand() {
        DemandException neg = assertThrows(DemandException.class,
                () -> Demand.betweenHosts(7, 0, 1, -5, 10, DemandClass.BULK));
        assertEquals("demand 7: rate must be finite and not negative: -5.0 bps", neg.getMessage());
        assertTrue(assertThrows(DemandException.class,
                () -> Demand.betweenHosts(8, 0, 1, 10, 5, DemandClass.BULK)).getMessage()
                .startsWith("demand 8: upper bound 5.0 bps must be finite and at least the mean"));
        assertTrue(assertThrows(DemandException.class,
                () -> Demand.betweenHosts(9, 3, 3, 1, 1, DemandClass.BULK)).getMessage()
                .contains("source and destination are the same host 3"));
        assertThrows(DemandException.class, () -> Demand.betweenSwitches(1, 0, 1, Double.NaN, 1, DemandClass.BULK));
        assertThrows(DemandException.class,
                () -> Demand.betweenSwitches(1, 0, 1, 1, Double.POSITIVE_INFINITY, DemandClass.BULK));
        assertThrows(NullPointerException.class, () -> Demand.betweenHosts(1, 0, 1, 1, 1, null));
    }

    @Test
    void unknownClassNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemandClass.parse("gold"));
        assertEquals("unknown demand class 'gold' (valid: guaranteed, latency-sensitive, bulk)", e.getMessage());
        assertEquals(DemandClass.LATENCY_SENSITIVE, DemandClass.parse(" LS "));
        assertEquals(DemandClass.LATENCY_SENSITIVE, DemandClass.parse("latency_sensitive"));
        assertEquals(DemandClass.GUARANTEED, DemandClass.parse("gb"));
        assertEquals(DemandClass.BULK, DemandClass.parse("Throughput"));
    }

    @Test
    void setsRejectDuplicateIdsAndUnknownEndpoints() {
        Demand a = Demand.betweenHosts(1, 0, 1, 1, 1, DemandClass.BULK);
        assertEquals("demand 1: duplicate id",
                assertThrows(DemandException.class, () -> DemandSet.of(List.of(a, a.withId(1)))).getMessage());
        TopologySnapshot t = FatTree.build(4);
        DemandSet bad = DemandSet.of(List.of(a, Demand.betweenHosts(2, 0, 16, 1, 1, DemandClass.BULK)));
        assertEquals("demand 2: unknown host index 16 (the topology has 16 hosts)",
                assertThrows(DemandException.class, () -> bad.resolve(t)).getMessage());
        DemandSet badSwitch = DemandSet.of(List.of(Demand.betweenSwitches(3, 0, 20, 1, 1, DemandClass.BULK)));
        assertEquals("demand 3: unknown switch index 20 (the topology has 20 switches)",
                assertThrows(DemandException.class, () -> badSwitch.validateAgainst(t)).getMessage());
    }

    @Test
    void placementOrderIsGuaranteedThenLatencyThenBulkByDecreasingRate() {
        TopologySnapshot t = FatTree.build(4);
        DemandSet set = DemandSet.of(Arrays.asList(
                Demand.betweenHosts(0, 0, 1, 5, 5, DemandClass.BULK),
                Demand.betweenHosts(1, 0, 2, 9, 9, DemandClass.BULK),
                Demand.betweenHosts(2, 0, 3, 1, 1, DemandClass.LATENCY_SENSITIVE),
                Demand.betweenHosts(3, 0, 4, 2, 2, DemandClass.GUARANTEED),
                Demand.betweenHosts(4, 0, 5, 3, 3, DemandClass.GUARANTEED),
                Demand.betweenHosts(5, 0, 6, 9, 9, DemandClass.BULK)));
        ResolvedDemands r = set.resolve(t);
        int[] order = new int[r.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = r.placementOrder(i);
        }
        assertEquals(Arrays.toString(new int[] {4, 3, 2, 1, 5, 0}), Arrays.toString(order));
        assertEquals(t.hostSwitch(4), r.dstSwitch(3));
        assertEquals(9, r.plannedBps(1));
    }

    @Test
    void capsHaveDocumentedDefaultsAndBounds() {
        ClassCaps c = ClassCaps.defaults();
        assertEquals(0.5, c.cap(DemandClass.LATENCY_SENSITIVE));
        assertEquals(0.9, c.cap(DemandClass.BULK));
        assertEquals(1.0, c.cap(DemandClass.GUARANTEED));
        assertEquals(1.0, c.reservationCap());
        assertEquals(0.7, ClassCaps.builder().cap(DemandClass.BULK, 0.7).build().cap(DemandClass.BULK));
        assertThrows(IllegalArgumentException.class, () -> ClassCaps.builder().cap(DemandClass.BULK, 0).build());
        assertThrows(IllegalArgumentException.class, () -> ClassCaps.builder().reservationCap(1.5).build());
    }
}
