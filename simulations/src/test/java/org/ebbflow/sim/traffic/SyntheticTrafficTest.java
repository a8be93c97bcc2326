package org.ebbflow.sim.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.sim.SimConfig;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class SyntheticTrafficTest {
    private static final TopologySnapshot K8 = FatTree.build(8);
    private static final long START = SimConfig.DEFAULT_START_MILLIS;
    private static final long DAY = 86_400_000L;

    private static SyntheticTraffic traffic(String spec, long seed, long runMillis) {
        return new SyntheticTraffic(K8, TrafficSpec.parse(spec).synthetic(), seed, START, runMillis);
    }

    /** Mean offered rate per step (bit/s) over a run at {@code stepMillis}. */
    private static double[] offered(SyntheticTraffic t, long runMillis, long stepMillis) {
        int steps = (int) (runMillis / stepMillis);
        double[] out = new double[steps];
        DemandBatch b = new DemandBatch(1024);
        for (int i = 0; i < steps; i++) {
            t.next(START + i * stepMillis, stepMillis, b);
            out[i] = b.totalBps();
        }
        return out;
    }

    @Test
    void meanLoadIsTheLoadOfEveryAccessLink() {
        SyntheticTraffic t = traffic("synthetic:load=0.2,diurnal=false,gb=0,onoff=false", 5, 4 * 3_600_000L);
        double[] o = offered(t, 4 * 3_600_000L, 60_000);
        double mean = 0;
        for (double v : o) {
            mean += v / o.length;
        }
        double expected = 0.2 * 1e9 * K8.hostCount();
        assertEquals(expected, mean, 0.05 * expected);
    }

    @Test
    void diurnalEnvelopeSwingsAboutTwoToOne() {
        SyntheticTraffic t = traffic("synthetic:load=0.1,diurnal=true,locality=mixed", 11, DAY);
        double[] o = offered(t, DAY, 60_000);
        // Trough at 04:00 UTC, peak at 16:00: two-hour windows around each.
        double trough = 0;
        double peak = 0;
        for (int m = 0; m < 120; m++) {
            trough += o[3 * 60 + m];
            peak += o[15 * 60 + m];
        }
        double ratio = peak / trough;
        assertTrue(ratio > 1.75 && ratio < 2.25, "peak/trough " + ratio);
        assertEquals(2.0, DiurnalEnvelope.of(2, 4).factor(START + 16 * 3_600_000L)
                / DiurnalEnvelope.of(2, 4).factor(START + 4 * 3_600_000L), 1e-9);
    }

    @Test
    void localityMixesMatchTheirShares() {
        long run = 2 * 3_600_000L;
        double[][] want = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.5, 0.3, 0.2}};
        String[] names = {"near", "mid", "far", "mixed"};
        for (int i = 0; i < names.length; i++) {
            SyntheticTraffic t = traffic("synthetic:load=0.1,diurnal=false,peers=6,peerSeconds=30,locality="
                    + names[i], 3, run);
            double[] bytes = new double[3];
            DemandBatch b = new DemandBatch(1024);
            for (int s = 0; s < run / 60_000; s++) {
                t.next(START + s * 60_000L, 60_000, b);
                for (int d = 0; d < b.size(); d++) {
                    bytes[t.groupOf(b.src(d), b.dst(d))] += b.bps(d);
                }
            }
            double total = bytes[0] + bytes[1] + bytes[2];
            for (int g = 0; g < 3; g++) {
                assertEquals(want[i][g], bytes[g] / total, 0.05, names[i] + " group " + g);
            }
        }
    }

    @Test
    void surgesMultiplyTheirHostsRates() {
        long run = 3_600_000L;
        SyntheticTraffic t = traffic("synthetic:load=0.05,diurnal=false,onoff=false,surges=1,surgeFactor=5,"
                + "surgeMinutes=20,surgeHosts=0.25,gb=0", 9, run);
        SurgeSchedule.Surge s = t.surges().surges().get(0);
        assertEquals(32, s.hosts().length);
        double[] o = offered(t, run, 60_000);
        double before = 0;
        double during = 0;
        int nb = 0;
        int nd = 0;
        for (int m = 0; m < o.length; m++) {
            long at = START + m * 60_000L + 30_000;
            if (at < s.startMillis()) {
                before += o[m];
                nb++;
            } else if (at > s.startMillis() + 120_000 && at < s.endMillis() - 120_000) {
                during += o[m];
                nd++;
            }
        }
        // A quarter of the hosts at 5x: 0.75 + 0.25 * 5 = 2x the base rate.
        assertEquals(2.0, (during / nd) / (before / nb), 0.25);
    }

    @Test
    void sameSeedSameDemandsOtherSeedOthers() {
        SyntheticTraffic a = traffic("synthetic:load=0.3,surges=2", 42, 3_600_000L);
        SyntheticTraffic b = traffic("synthetic:load=0.3,surges=2", 42, 3_600_000L);
        SyntheticTraffic c = traffic("synthetic:load=0.3,surges=2", 43, 3_600_000L);
        assertArrayEquals(offered(a, 600_000, 5_000), offered(b, 600_000, 5_000));
        assertNotEquals(offered(a, 600_000, 5_000)[3], offered(c, 600_000, 5_000)[3]);
    }

    @Test
    void classesAreLabelledByShareAndGuaranteedOnesDeclareARate() {
        SyntheticTraffic t = traffic("synthetic:load=0.2,ls=0.25,gb=0.25", 1, 3_600_000L);
        int[] count = new int[3];
        for (int h = 0; h < t.hostCount(); h++) {
            TaskClass c = t.taskClass(h);
            count[c.ordinal()]++;
            assertEquals(c == TaskClass.GUARANTEED, !Double.isNaN(t.declaredBps(h)));
        }
        assertEquals(32, count[TaskClass.LATENCY_SENSITIVE.ordinal()], 12);
        assertEquals(32, count[TaskClass.GUARANTEED.ordinal()], 12);
        DemandBatch b = new DemandBatch(16);
        t.next(START, 5_000, b);
        for (int d = 0; d < b.size(); d++) {
            assertEquals(t.taskClass(b.src(d)).ordinal(), b.classOrdinal(d));
        }
    }
}
