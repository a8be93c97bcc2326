package org.ebbflow.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ebbflow.sim.traffic.DemandBatch;
import org.ebbflow.sim.traffic.TaskClass;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class AllocationTest {
    private final Fabric fabric = Fabric.of(FatTree.build(4));

    private double[] allUp() {
        double[] up = new double[fabric.linkCount()];
        Arrays.fill(up, 1);
        return up;
    }

    @Test
    void twoDemandsIntoOneHostShareItsDownlink() {
        DemandBatch b = new DemandBatch(4);
        b.add(0, 15, 0.8e9, TaskClass.BULK);
        b.add(1, 15, 0.4e9, TaskClass.LATENCY_SENSITIVE);
        RoutedPaths p = new RoutedPaths();
        EcmpRouting.allUp(fabric).routeAll(b, p);
        Allocation a = new Allocation(fabric);
        a.compute(b, p, allUp(), CongestionModel.PROPORTIONAL, 5);
        assertEquals(0.8e9 / 1.2, a.entryDeliveredBps(0), 1);
        assertEquals(0.4e9 / 1.2, a.entryDeliveredBps(1), 1);
        assertEquals(1e9, a.carriedBps(fabric.hostDownLink(15)), 1);
        assertEquals(1.2, a.offeredBps(fabric.hostDownLink(15)) / 1e9, 1e-9);
        assertEquals(0b011, a.classMask(fabric.hostDownLink(15)));
        a.compute(b, p, allUp(), CongestionModel.MAX_MIN, 5);
        assertEquals(0.6e9, a.entryDeliveredBps(0), 1e3);
        assertEquals(0.4e9, a.entryDeliveredBps(1), 1e3);
        assertEquals(1e9, a.deliveredBps(), 1e3);
        assertEquals(0.2e9 * 5, sumDropped(a), 1e4);
        for (int f = 0; f < fabric.linkCount(); f++) {
            if (a.droppedBits(f) > 0) {
                assertTrue(a.offeredBps(f) > a.effectiveCapacityBps(f), "dropped at an oversubscribed link");
            }
        }
    }

    private double sumDropped(Allocation a) {
        double s = 0;
        for (int f = 0; f < fabric.linkCount(); f++) {
            s += a.droppedBits(f);
        }
        return s;
    }

    @Test
    void deliveredPlusUndeliveredIsOfferedOnRandomLoads() {
        SplittableRandom r = new SplittableRandom(5);
        RoutedPaths p = new RoutedPaths();
        Allocation a = new Allocation(fabric);
        for (int round = 0; round < 50; round++) {
            DemandBatch b = new DemandBatch(64);
            for (int i = 0; i < 60; i++) {
                int s = r.nextInt(16);
                int d = (s + 1 + r.nextInt(15)) % 16;
                b.add(s, d, r.nextDouble() * 0.6e9, TaskClass.ofOrdinal(r.nextInt(3)));
            }
            double[] up = allUp();
            for (int l = 0; l < fabric.switchLinkCount(); l++) {
                up[l] = r.nextDouble() < 0.1 ? r.nextDouble() : 1;
            }
            EcmpRouting.allUp(fabric).routeAll(b, p);
            for (CongestionModel m : CongestionModel.values()) {
                a.compute(b, p, up, m, 5);
                double unavailable = a.offeredBps() - a.availableBps() - a.unroutedBps();
                double cut = sumDropped(a) / 5;
                assertEquals(a.offeredBps(), a.deliveredBps() + cut + unavailable + a.unroutedBps(),
                        1e-6 * a.offeredBps(), m + " round " + round);
                for (int f = 0; f < fabric.linkCount(); f++) {
                    assertTrue(a.carriedBps(f) <= a.effectiveCapacityBps(f) * (1 + 1e-6) + 1, "link " + f);
                    assertTrue(a.carriedBps(f) <= a.offeredBps(f) + 1e-6);
                }
            }
        }
    }
}
