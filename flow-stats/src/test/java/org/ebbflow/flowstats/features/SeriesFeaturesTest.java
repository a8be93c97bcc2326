package org.ebbflow.flowstats.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.flowstats.SeriesTier;
import org.junit.jupiter.api.Test;

class SeriesFeaturesTest {
    private static final long STEP = 60_000;
    private static final long START = 1_704_067_200_000L; // Monday 2024-01-01 00:00 UTC

    private static double[] ramp(int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (i + 1);
        }
        return v;
    }

    @Test
    void fileSeriesGiveTheSameWindowsAsTheStore() {
        FeatureSpec spec = FeatureSpec.builder(6, STEP).features(Feature.BYTES_IN, Feature.RATE_OUT_BPS,
                Feature.TIME_OF_DAY_COS, Feature.DAY_OF_WEEK_SIN).lags(20).build();
        double[] rx = ramp(40, 1_000);
        double[] tx = ramp(40, 3);
        rx[37] = Double.NaN;
        tx[37] = Double.NaN;
        SeriesStore store = new SeriesStore(Collections.singletonList(SeriesTier.of(STEP, 64)));
        for (int i = 0; i < 40; i++) {
            if (!Double.isNaN(rx[i])) {
                long t = START + i * STEP;
                store.onRate(4, t, t + STEP, rx[i], tx[i], 0, 0);
            }
        }
        long end = START / STEP + 40;
        for (MissingPolicy policy : MissingPolicy.values()) {
            FeatureWindow fromStore = new FeatureExtractor(spec, store, policy).port(4, end);
            FeatureWindow fromFile = SeriesFeatures.regular(spec, "p4", START, rx, tx).window(end, policy);
            assertArrayEquals(fromStore.toArrayNWC(), fromFile.toArrayNWC(), policy.name());
            assertEquals(fromStore.missingSteps(0), fromFile.missingSteps(0));
            assertEquals(fromStore.filledSteps(0), fromFile.filledSteps(0));
            assertEquals(-1, fromFile.port(0));
            assertEquals("p4", fromFile.label(0));
        }
    }

    @Test
    void timestampsPlaceValuesOnTheGridAndLeaveGapsNaN() {
        FeatureSpec spec = FeatureSpec.of(List.of(Feature.RATE_IN_BPS), 4, STEP);
        long[] ts = {START, START + STEP, START + 3 * STEP};
        SeriesFeatures s = SeriesFeatures.fromTimestamps(spec, "x", ts, new double[] {1, 2, 4}, null);
        assertEquals(4, s.length());
        assertEquals(START / STEP, s.firstStep());
        assertTrue(Float.isNaN(s.rxBps(START / STEP + 2)));
        assertTrue(Float.isNaN(s.txBps(START / STEP)), "no transmit direction");
        FeatureWindow w = s.window(s.endStep(), MissingPolicy.FORWARD_FILL);
        assertArrayEquals(new float[] {1, 2, 2, 4}, w.channelSeries(0, 0));
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class, () -> SeriesFeatures
                .fromTimestamps(spec, "x", new long[] {START, START + 1_000}, new double[2], null));
        assertTrue(off.getMessage().contains("timestamp 1"), off.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeriesFeatures
                .fromTimestamps(spec, "x", new long[] {START + STEP, START}, new double[2], null));
        assertThrows(IllegalArgumentException.class, () -> SeriesFeatures.regular(spec, "x", START + 1, new double[2],
                null));
    }

    @Test
    void slidingWindowsWithStrideAndTargets() {
        FeatureSpec spec = FeatureSpec.of(List.of(Feature.RATE_IN_BPS, Feature.BYTES_OUT), 4, STEP);
        double[] rx = ramp(20, 10);
        double[] tx = ramp(20, 8);
        SlidingWindows sw = SeriesFeatures.regular(spec, "s", START, rx, tx)
                .sliding(3, 2, List.of(Feature.RATE_IN_BPS, Feature.BYTES_OUT), MissingPolicy.KEEP_NAN, false);
        // Ends (exclusive, relative to the first step) 4, 7, 10, 13, 16; the last needs steps 16 and 17 as targets.
        assertEquals(5, sw.size());
        long first = START / STEP;
        for (int b = 0; b < 5; b++) {
            long end = 4 + 3L * b;
            assertEquals(first + end, sw.inputs().endStep(b));
            assertEquals(10f * (end - 4 + 1), sw.inputs().get(b, 0, 0), "oldest input");
            for (int h = 1; h <= 2; h++) {
                long step = end + h - 1;
                assertEquals(10f * (step + 1), sw.target(b, h, 0), "in-rate at horizon " + h);
                assertEquals(8f * (step + 1) * 60 / 8, sw.target(b, h, 1), "bytes out at horizon " + h);
                assertEquals(sw.target(b, h, 1), sw.targets()[sw.targetIndex(b, h, 1)]);
            }
        }
        assertArrayEquals(new int[] {0, 1}, sw.targetChannels());
        SlidingWindows both = SlidingWindows.concat(List.of(sw, sw));
        assertEquals(10, both.size());
        assertEquals(sw.target(4, 2, 1), both.target(9, 2, 1));
    }

    @Test
    void incompleteWindowsCanBeLeftOut() {
        FeatureSpec spec = FeatureSpec.of(List.of(Feature.RATE_IN_BPS), 4, STEP);
        double[] rx = ramp(20, 10);
        rx[8] = Double.NaN;
        SeriesFeatures s = SeriesFeatures.regular(spec, "s", START, rx, null);
        List<Feature> target = List.of(Feature.RATE_IN_BPS);
        assertEquals(5, s.sliding(3, 2, target, MissingPolicy.KEEP_NAN, false).size());
        // End 7 has step 8 as a target, end 10 has it as an input.
        SlidingWindows strict = s.sliding(3, 2, target, MissingPolicy.KEEP_NAN, true);
        assertEquals(3, strict.size());
        long first = START / STEP;
        assertArrayEquals(new long[] {first + 4, first + 13, first + 16}, ends(strict.inputs()));
        // Forward filling repairs the input but never a target.
        SlidingWindows filled = s.sliding(3, 2, target, MissingPolicy.FORWARD_FILL, true);
        assertArrayEquals(new long[] {first + 4, first + 10, first + 13, first + 16}, ends(filled.inputs()));
        assertEquals(1, filled.inputs().filledSteps(1));
        for (float v : strict.targets()) {
            assertTrue(!Float.isNaN(v));
        }
    }

    @Test
    void slidingWindowsStartWhereTheLargestLagIsInside() {
        FeatureSpec spec = FeatureSpec.builder(2, STEP).features(Feature.RATE_IN_BPS).lags(5).build();
        SlidingWindows sw = SeriesFeatures.regular(spec, "s", START, ramp(10, 1), null)
                .sliding(1, 1, List.of(Feature.RATE_IN_BPS), MissingPolicy.KEEP_NAN, false);
        // First end 2 + 5 = 7, last end 10 - 1 = 9.
        assertEquals(3, sw.size());
        assertEquals(1f, sw.inputs().get(0, 0, 1), "lag 5 of step 5 is step 0");
        assertTrue(sw.inputs().isComplete());
    }

    private static long[] ends(FeatureWindow w) {
        long[] e = new long[w.batch()];
        for (int b = 0; b < e.length; b++) {
            e[b] = w.endStep(b);
        }
        return e;
    }

    /** The time encodings agree with java.time in any zone, across daylight-saving transitions. */
    @Property(tries = 200)
    void timeEncodingsAgreeWithJavaTime(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] zones = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
            "America/Santiago"};
        ZoneId zone = ZoneId.of(zones[rnd.nextInt(zones.length)]);
        long step = 15 * 60_000L;
        int w = 400; // 100 hours: often across a transition in March/April or October/November
        FeatureSpec spec = FeatureSpec.builder(w, step).features(Feature.TIME_OF_DAY_SIN, Feature.TIME_OF_DAY_COS,
                Feature.DAY_OF_WEEK_SIN, Feature.DAY_OF_WEEK_COS).zone(zone).build();
        long firstStep = rnd.nextLong(0, 4_102_444_800_000L / step); // 1970 .. 2100
        double[] none = new double[w];
        FeatureWindow win = SeriesFeatures.regular(spec, "t", firstStep * step, none, none)
                .window(firstStep + w, MissingPolicy.KEEP_NAN);
        for (int t = 0; t < w; t++) {
            ZonedDateTime z = java.time.Instant.ofEpochMilli((firstStep + t) * step).atZone(zone);
            double day = (z.toLocalTime().toNanoOfDay() / 1e9) / 86_400.0;
            int dow = z.getDayOfWeek().getValue() - 1;
            String at = z.toString();
            assertEquals(Math.sin(2 * Math.PI * day), win.get(0, t, 0), 1e-6, at);
            assertEquals(Math.cos(2 * Math.PI * day), win.get(0, t, 1), 1e-6, at);
            assertEquals(Math.sin(2 * Math.PI * dow / 7), win.get(0, t, 2), 1e-6, at);
            assertEquals(Math.cos(2 * Math.PI * dow / 7), win.get(0, t, 3), 1e-6, at);
        }
    }

    @Test
    void aWindowAcrossTheSpringTransitionInBerlin() {
        // 2024-03-31 01:00 UTC: Berlin goes from 02:00 CET to 03:00 CEST.
        long step = 3_600_000L;
        long start = ZonedDateTime.parse("2024-03-31T00:00:00Z").toInstant().toEpochMilli();
        FeatureSpec spec = FeatureSpec.builder(3, step).features(Feature.TIME_OF_DAY_SIN)
                .zone(ZoneId.of("Europe/Berlin")).build();
        FeatureWindow w = SeriesFeatures.regular(spec, "t", start, new double[3], new double[3])
                .window(start / step + 3, MissingPolicy.KEEP_NAN);
        float[] hours = {1, 3, 4}; // local 01:00 CET, then 03:00 and 04:00 CEST
        for (int t = 0; t < 3; t++) {
            assertEquals(Math.sin(2 * Math.PI * hours[t] / 24), w.get(0, t, 0), 1e-6, "t=" + t);
        }
        assertEquals(start / step + 3, w.endStep(0));
    }
}
