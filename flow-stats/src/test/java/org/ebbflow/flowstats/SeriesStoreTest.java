package org.ebbflow.flowstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {
    private static final long STEP = 5_000;

    private static SeriesStore store(int fineLength) {
        return new SeriesStore(List.of(SeriesTier.of(STEP, fineLength), SeriesTier.of(4 * STEP, 3)));
    }

    private static float[] fine(SeriesStore s, int port, long endStep, int count) {
        float[] rx = new float[count];
        s.read(0, port, endStep, count, rx, null, 0);
        return rx;
    }

    @Test
    void alignedIntervalsFillOneStepEach() {
        SeriesStore s = store(10);
        for (int i = 0; i < 4; i++) {
            s.onRate(0, i * STEP, (i + 1) * STEP, 1000 * (i + 1), 0, 0, 0);
        }
        assertEquals(3, s.lastFineStep(0));
        float[] rx = fine(s, 0, 4, 4);
        assertEquals(1000, rx[0]);
        assertEquals(4000, rx[3]);
        assertTrue(Float.isNaN(fine(s, 0, 5, 1)[0]), "a step not yet observed is NaN");
    }

    @Test
    void jitteredIntervalsLeaveNoHolesAndConserveVolume() {
        SeriesStore s = store(100);
        long[] t = {0, 5_300, 9_800, 15_100, 20_050, 24_990, 30_000};
        double[] bps = {1e6, 2e6, 3e6, 1e6, 5e5, 4e6};
        double bits = 0;
        for (int i = 0; i + 1 < t.length; i++) {
            s.onRate(0, t[i], t[i + 1], bps[i], 0, 0, 0);
            bits += bps[i] * (t[i + 1] - t[i]) / 1000.0;
        }
        float[] rx = fine(s, 0, 6, 6);
        double stored = 0;
        for (float v : rx) {
            assertTrue(!Float.isNaN(v), "no hole");
            stored += v * STEP / 1000.0;
        }
        assertEquals(bits, stored, bits * 1e-6);
        // Step 1 [5000, 10000): 300 ms at 1 Mbit/s and 4,500 ms at 2 Mbit/s, 200 ms at 3 Mbit/s.
        assertEquals((0.3 * 1e6 + 4.5 * 2e6 + 0.2 * 3e6) / 5.0, rx[1], 1);
    }

    @Test
    void anUnobservedIntervalIsAMarkedGapNotAZero() {
        SeriesStore s = store(10);
        s.onRate(0, 0, 5_000, 1e6, 0, 0, 0);
        // The tracker reported nothing for (5000, 15000] (a reset), then resumed.
        s.onRate(0, 15_000, 20_000, 2e6, 0, 0, 0);
        float[] rx = fine(s, 0, 4, 4);
        assertEquals(1e6, rx[0]);
        assertTrue(Float.isNaN(rx[1]) && Float.isNaN(rx[2]));
        assertEquals(SeriesStore.MISSING, s.fineFlags(0, 1));
        assertEquals(2e6, rx[3]);
    }

    @Test
    void aGapIntervalSpreadsItsAverageAndKeepsTheFlag() {
        SeriesStore s = store(10);
        s.onRate(0, 0, 5_000, 1e6, 0, 0, 0);
        s.onRate(0, 5_000, 20_000, 3e6, 0, 0, RateSink.GAP);
        float[] rx = fine(s, 0, 4, 4);
        assertEquals(3e6, rx[1]);
        assertEquals(3e6, rx[3]);
        assertEquals(RateSink.GAP, s.fineFlags(0, 2));
        assertEquals(0, s.fineFlags(0, 0));
    }

    @Test
    void theRingForgetsOldStepsAndCoarseTiersKeepMeans() {
        SeriesStore s = store(4);
        for (int i = 0; i < 12; i++) {
            s.onRate(0, i * STEP, (i + 1) * STEP, i, 0, 0, 0);
        }
        float[] rx = fine(s, 0, 12, 6);
        assertTrue(Float.isNaN(rx[0]) && Float.isNaN(rx[1]), "older than the ring");
        assertEquals(8, rx[2]);
        assertEquals(11, rx[5]);
        float[] coarse = new float[3];
        assertEquals(3, s.read(1, 0, 3, 3, coarse, null, 0));
        assertEquals(1.5, coarse[0], 1e-6, "mean of steps 0..3");
        assertEquals(5.5, coarse[1], 1e-6);
        assertEquals(9.5, coarse[2], 1e-6);
    }

    @Test
    void pendingStepsCompleteOnDemand() {
        SeriesStore s = store(10);
        s.onRate(0, 0, 7_000, 1e6, 0, 0, 0); // step 1 only 2 s observed
        assertEquals(0, s.lastFineStep(0));
        s.completeStepsBefore(10_000);
        assertEquals(1, s.lastFineStep(0));
        assertEquals(1e6, fine(s, 0, 2, 1)[0]);
    }

    @Test
    void unknownPortsReadAsNaN() {
        SeriesStore s = store(10);
        assertEquals(0, s.read(0, 42, 10, 3, new float[3], new float[3], 0));
        assertEquals(SeriesStore.MISSING, s.fineFlags(42, 0));
    }

    @Test
    void coarseTiersMustBeMultiplesOfTheFineStep() {
        assertThrows(IllegalArgumentException.class,
                () -> new SeriesStore(List.of(SeriesTier.of(5_000, 10), SeriesTier.of(7_000, 10))));
        assertThrows(IllegalArgumentException.class, () -> new SeriesStore(List.of()));
    }

    @Test
    void defaultTiersHoldAnHourOfAK48FabricWellUnderOneGibibyte() {
        SeriesStore s = SeriesStore.withDefaultTiers(5_000);
        assertEquals(List.of(SeriesTier.of(5_000, 180), SeriesTier.of(60_000, 60), SeriesTier.of(300_000, 300)),
                s.tiers());
        int ports = 2_000;
        for (int p = 0; p < ports; p++) {
            s.onRate(p, 0, 5_000, 1, 1, 0, 0);
            s.onRate(p, 5_000, 10_000, 1, 1, 0, 0);
        }
        double perPort = (double) s.approximateBytes() / ports;
        double k48 = perPort * 138_240;
        assertTrue(k48 < 0.75 * (1L << 30), "k=48 would need " + k48 / (1 << 20) + " MiB");
    }

    @Property(tries = 100)
    void volumeIsConservedWhateverTheJitter(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SeriesStore s = store(200);
        long t = rnd.nextLong(0, 5_000);
        long start = t;
        double bits = 0;
        for (int i = 0; i < 100; i++) {
            long next = t + 5_000 + rnd.nextLong(-400, 400);
            double bps = rnd.nextDouble() * 1e9;
            s.onRate(0, t, next, bps, bps / 2, 0, 0);
            bits += bps * (next - t) / 1000.0;
            t = next;
        }
        s.completeStepsBefore(t + 10_000);
        long first = Math.floorDiv(start, STEP);
        long last = s.lastFineStep(0);
        float[] rx = fine(s, 0, last + 1, (int) (last + 1 - first));
        double stored = 0;
        for (int i = 0; i < rx.length; i++) {
            long stepStart = (first + i) * STEP;
            double observed = Math.min(t, stepStart + STEP) - Math.max(start, stepStart);
            assertTrue(!Float.isNaN(rx[i]));
            stored += rx[i] * observed / 1000.0;
        }
        assertEquals(bits, stored, bits * 1e-5);
    }
}
