package org.ebbflow.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.ebbflow.sim.traffic.DemandBatch;
import org.ebbflow.sim.traffic.TaskClass;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class EcmpRoutingTest {
    private final Fabric fabric = Fabric.of(FatTree.build(4));

    private DemandBatch allPairs() {
        DemandBatch b = new DemandBatch(256);
        for (int s = 0; s < fabric.hostCount(); s++) {
            for (int d = 0; d < fabric.hostCount(); d++) {
                if (s != d) {
                    b.add(s, d, 1e6, TaskClass.BULK);
                }
            }
        }
        return b;
    }

    @Test
    void everyPairGetsAShortestPathFromUplinkToDownlink() {
        DemandBatch b = allPairs();
        RoutedPaths p = new RoutedPaths();
        EcmpRouting.allUp(fabric).routeAll(b, p);
        assertEquals(b.size(), p.entries());
        Set<Integer> coresUsed = new HashSet<>();
        for (int e = 0; e < p.entries(); e++) {
            int src = b.src(p.demand(e));
            int dst = b.dst(p.demand(e));
            int len = p.length(e);
            assertEquals(fabric.hostUpLink(src), p.link(e, 0));
            assertEquals(fabric.hostDownLink(dst), p.link(e, len - 1));
            int hops = len - 2;
            int ss = fabric.hostSwitch(src);
            int ds = fabric.hostSwitch(dst);
            int expected = ss == ds ? 0
                    : fabric.topology().switchAt(ss).pod() == fabric.topology().switchAt(ds).pod() ? 2 : 4;
            assertEquals(expected, hops, src + "->" + dst);
            int cur = ss;
            for (int i = 1; i < len - 1; i++) {
                int l = p.link(e, i);
                assertEquals(cur, fabric.linkSrc(l));
                cur = fabric.linkDst(l);
                if (fabric.topology().switchAt(cur).role() == SwitchRole.CORE) {
                    coresUsed.add(cur);
                }
            }
            assertEquals(ds, cur);
        }
        assertEquals(4, coresUsed.size(), "hashing spreads pairs over every core");
    }

    @Test
    void sleepingCoresAreAvoidedAndAPartitionIsReported() {
        boolean[] sw = new boolean[fabric.switchCount()];
        Arrays.fill(sw, true);
        boolean[] links = new boolean[fabric.switchLinkCount()];
        Arrays.fill(links, true);
        int cores = 0;
        for (int s = 0; s < fabric.switchCount(); s++) {
            if (fabric.topology().switchAt(s).role() == SwitchRole.CORE && cores++ < 3) {
                sw[s] = false;
            }
        }
        DemandBatch b = allPairs();
        RoutedPaths p = new RoutedPaths();
        new EcmpRouting(fabric, sw, links).routeAll(b, p);
        for (int e = 0; e < p.entries(); e++) {
            assertTrue(p.length(e) > 0);
            for (int i = 0; i < p.length(e); i++) {
                int l = p.link(e, i);
                assertTrue(fabric.isHostLink(l) || (sw[fabric.linkSrc(l)] && sw[fabric.linkDst(l)]));
            }
        }
        Arrays.fill(sw, false);
        new EcmpRouting(fabric, sw, links).routeAll(b, p);
        for (int e = 0; e < p.entries(); e++) {
            assertEquals(0, p.length(e));
        }
    }

    @Test
    void explicitPathsWinAndOthersFallBack() {
        DemandBatch b = new DemandBatch(4);
        b.add(0, 15, 1e6, TaskClass.BULK);
        b.add(1, 14, 1e6, TaskClass.BULK);
        RoutedPaths p = new RoutedPaths();
        EcmpRouting ecmp = EcmpRouting.allUp(fabric);
        ecmp.routeAll(b, p);
        int[] planned = new int[p.length(0) - 2];
        for (int i = 0; i < planned.length; i++) {
            planned[i] = p.link(0, i + 1);
        }
        ExplicitRouting r = new ExplicitRouting(fabric, java.util.Map.of(DemandBatch.pairKey(0, 15), planned), ecmp);
        r.routeAll(b, p);
        assertEquals(planned.length + 2, p.length(0));
        assertEquals(6, p.length(1));
    }
}
