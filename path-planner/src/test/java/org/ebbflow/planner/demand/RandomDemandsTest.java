package org.ebbflow.planner.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/** The {@code random:} spec and generator: parsing, determinism, locality, load and classes. */
class RandomDemandsTest {
    private static final TopologySnapshot K4 = FatTree.build(4);

    @Test
    void specParsesAndPrintsCanonically() {
        RandomDemandSpec s = RandomDemandSpec.parse("random:pairs=100,seed=7,load=0.1,locality=far");
        assertEquals(100, s.pairs());
        assertEquals(7, s.seed());
        assertEquals(0.1, s.load());
        assertEquals(Locality.FAR, s.locality());
        assertEquals(s, RandomDemandSpec.parse(s.toString()));
        RandomDemandSpec d = RandomDemandSpec.parse("RANDOM: pairs = 5 , load = 0.5, ls=0.2, guaranteed=0.1");
        assertEquals(Locality.MIXED, d.locality());
        assertEquals(RandomDemandSpec.DEFAULT_SEED, d.seed());
        assertEquals(0.2, d.latencySensitiveShare());
        assertEquals(d, RandomDemandSpec.parse(d.toString()));
    }

    @Test
    void badSpecsAreClearErrors() {
        assertEquals("random demand spec needs load=...", message("random:pairs=5"));
        assertEquals("pairs must be from 1 to 100000000: 0", message("random:pairs=0,load=1"));
        assertEquals("load must be finite and not negative: -1.0", message("random:pairs=1,load=-1"));
        assertEquals("unknown locality 'rack' (valid: near, mid, far, mixed)",
                message("random:pairs=1,load=1,locality=rack"));
        assertEquals("unknown parameter 'pair' in random demand spec (valid: pairs, seed, load, locality, ls, "
                + "guaranteed, spread)", message("random:pair=1,load=1"));
        assertEquals("pairs must be an integer: 'many'", message("random:pairs=many,load=1"));
        assertTrue(message("random:pairs=1,load=1,ls=0.8,guaranteed=0.8").contains("sum of at most 1"));
        assertTrue(message("pairs=1").startsWith("random demand spec must start with 'random:'"));
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> RandomDemandSpec.parse(spec)).getMessage();
    }

    @Test
    void sameSpecSameDemandsOtherSeedOtherDemands() {
        RandomDemandSpec s = RandomDemandSpec.of(300, 11, 0.2, Locality.MIXED);
        assertEquals(RandomDemandGenerator.generate(K4, s), RandomDemandGenerator.generate(K4, s));
        assertNotEquals(RandomDemandGenerator.generate(K4, s),
                RandomDemandGenerator.generate(K4, RandomDemandSpec.of(300, 12, 0.2, Locality.MIXED)));
    }

    @Test
    void localityFollowsEdgesAndPods() {
        TopologySnapshot t = FatTree.build(6);
        for (Locality l : new Locality[] {Locality.NEAR, Locality.MID, Locality.FAR}) {
            DemandSet set = RandomDemandGenerator.generate(t, RandomDemandSpec.of(500, 3, 0.1, l));
            for (Demand d : set.demands()) {
                int a = t.hostSwitch(d.source());
                int b = t.hostSwitch(d.destination());
                boolean samePod = t.switchAt(a).pod() == t.switchAt(b).pod();
                assertEquals(l == Locality.NEAR, a == b, l + " " + d);
                assertEquals(l != Locality.FAR, samePod, l + " " + d);
                assertEquals(0.1 * FatTree.DEFAULT_LINK_BPS, d.meanBps(), 1e-6);
                assertEquals(d.meanBps(), d.upperBps());
            }
        }
        DemandSet mixed = RandomDemandGenerator.generate(t, RandomDemandSpec.of(4000, 3, 0.1, Locality.MIXED));
        int near = 0;
        int far = 0;
        for (Demand d : mixed.demands()) {
            int a = t.hostSwitch(d.source());
            int b = t.hostSwitch(d.destination());
            near += a == b ? 1 : 0;
            far += t.switchAt(a).pod() != t.switchAt(b).pod() ? 1 : 0;
        }
        assertEquals(Locality.MIXED_NEAR_SHARE, near / 4000.0, 0.03);
        assertEquals(1 - Locality.MIXED_NEAR_SHARE - Locality.MIXED_MID_SHARE, far / 4000.0, 0.03);
    }

    @Test
    void fallsBackToTheNextLocalityWhenTheWantedOneIsEmpty() {
        // k=2: one host per edge switch, so near falls back to mid (the other edge of the pod).
        TopologySnapshot k2 = FatTree.build(2);
        for (Demand d : RandomDemandGenerator.generate(k2, RandomDemandSpec.of(50, 1, 0.1, Locality.NEAR))
                .demands()) {
            assertNotEquals(k2.hostSwitch(d.source()), k2.hostSwitch(d.destination()));
        }
        // A leaf-spine has no pods: every other leaf is two hops away (mid), so far falls back to mid.
        TopologySnapshot ls = LeafSpine.build(2, 4, 2, 10_000_000_000L, 1_000_000_000L);
        assertEquals(50, RandomDemandGenerator.generate(ls, RandomDemandSpec.of(50, 1, 0.1, Locality.FAR)).size());
    }

    @Test
    void hostlessTopologiesUseNodesAndTheirSmallestLink() {
        TopologySnapshot wan = RandomTopologies.connected(5, 10, 0.2, 0);
        DemandSet set = RandomDemandGenerator.generate(wan, RandomDemandSpec.of(200, 2, 0.5, Locality.NEAR)
                .withSpread(0.5));
        for (Demand d : set.demands()) {
            assertEquals(EndpointKind.SWITCH, d.kind());
            long min = Long.MAX_VALUE;
            boolean adjacent = false;
            for (int p = wan.outLinkStart(d.source()); p < wan.outLinkEnd(d.source()); p++) {
                min = Math.min(min, wan.linkCapacityBps(wan.outLinkAt(p)));
                adjacent |= wan.linkDst(wan.outLinkAt(p)) == d.destination();
            }
            assertTrue(adjacent, "near means one hop without hosts: " + d);
            assertEquals(0.5 * min, d.meanBps(), 1e-6);
            assertEquals(1.5 * d.meanBps(), d.upperBps(), 1e-6);
        }
    }

    @Test
    void classSharesAreRespected() {
        DemandSet set = RandomDemandGenerator.generate(K4, RandomDemandSpec.of(5000, 9, 0.01, Locality.MIXED)
                .withClassShares(0.3, 0.2));
        double ls = set.demands().stream().filter(d -> d.demandClass() == DemandClass.LATENCY_SENSITIVE).count();
        double gb = set.demands().stream().filter(d -> d.demandClass() == DemandClass.GUARANTEED).count();
        assertEquals(0.3, ls / 5000, 0.03);
        assertEquals(0.2, gb / 5000, 0.03);
    }
}
