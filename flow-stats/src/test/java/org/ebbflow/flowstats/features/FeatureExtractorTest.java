package org.ebbflow.flowstats.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.flowstats.SeriesTier;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
    private static final long STEP = 10_000;
    /** 2024-01-01T00:00:00Z, a Monday. */
    private static final long MONDAY_MIDNIGHT = 1_704_067_200_000L;
    private static final long S0 = MONDAY_MIDNIGHT / STEP;

    /** Fine: 30 steps of 10 s; coarse: 100 steps of 60 s. */
    private static SeriesStore store() {
        return new SeriesStore(List.of(SeriesTier.of(STEP, 30), SeriesTier.of(6 * STEP, 100)));
    }

    private static double rx(int port, long i) {
        return 8_000.0 * (i + 1) * (port + 1);
    }

    private static double tx(int port, long i) {
        return 800.0 * (i + 1) * (port + 1);
    }

    /** Feeds step-aligned intervals for steps S0 + i, i in [from, to), except those listed as gaps. */
    private static void feed(SeriesStore s, int port, int from, int to, int... gaps) {
        for (int i = from; i < to; i++) {
            final int step = i;
            if (Arrays.stream(gaps).anyMatch(g -> g == step)) {
                continue;
            }
            long start = (S0 + i) * STEP;
            s.onRate(port, start, start + STEP, rx(port, i), tx(port, i), 0, 0);
        }
    }

    @Test
    void trafficFeaturesAreRatesAndBytesPerStep() {
        SeriesStore s = store();
        feed(s, 0, 0, 20);
        FeatureSpec spec = FeatureSpec.trafficOnly(4, STEP);
        FeatureWindow w = new FeatureExtractor(spec, s, MissingPolicy.KEEP_NAN).port(0, S0 + 20);
        assertEquals(1, w.batch());
        assertEquals(4, w.steps());
        assertEquals(4, w.channels());
        assertEquals(S0 + 20, w.endStep(0));
        assertEquals("port:0", w.label(0));
        for (int t = 0; t < 4; t++) {
            int i = 16 + t; // the window is steps [16, 20)
            // rate 8,000·(i+1) bit/s over 10 s is 10,000·(i+1) bytes
            assertEquals(10_000f * (i + 1), w.get(0, t, 0), "BYTES_IN at t=" + t);
            assertEquals(1_000f * (i + 1), w.get(0, t, 1), "BYTES_OUT");
            assertEquals(8_000f * (i + 1), w.get(0, t, 2), "RATE_IN_BPS");
            assertEquals(800f * (i + 1), w.get(0, t, 3), "RATE_OUT_BPS");
            assertFalse(w.isMissing(0, t));
        }
        assertEquals(0, w.missingSteps(0));
        assertTrue(w.isComplete());
    }

    @Test
    void timeEncodingsAtKnownInstants() {
        // Six-hour steps from Monday midnight UTC: 00:00, 06:00, 12:00, 18:00, then Tuesday 00:00.
        long step = 6 * 3_600_000L;
        FeatureSpec spec = FeatureSpec.builder(5, step).features(Feature.TIME_OF_DAY_SIN, Feature.TIME_OF_DAY_COS,
                Feature.DAY_OF_WEEK_SIN, Feature.DAY_OF_WEEK_COS).build();
        double[] none = new double[5];
        FeatureWindow w = SeriesFeatures.regular(spec, "t", MONDAY_MIDNIGHT, none, none)
                .window(MONDAY_MIDNIGHT / step + 5, MissingPolicy.KEEP_NAN);
        float[][] expected = {
            {0, 1, 0, 1}, {1, 0, 0, 1}, {0, -1, 0, 1}, {-1, 0, 0, 1},
            {0, 1, (float) Math.sin(2 * Math.PI / 7), (float) Math.cos(2 * Math.PI / 7)}};
        for (int t = 0; t < 5; t++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(expected[t][c], w.get(0, t, c), 1e-6, "step " + t + " channel " + spec.channelName(c));
            }
        }
    }

    @Test
    void timeEncodingsFollowTheZone() {
        // 23:00 UTC on Sunday 2023-12-31 is 00:00 on Monday in Berlin (UTC+1 in winter).
        long step = 3_600_000L;
        FeatureSpec spec = FeatureSpec.builder(1, step).features(Feature.TIME_OF_DAY_SIN, Feature.TIME_OF_DAY_COS,
                Feature.DAY_OF_WEEK_SIN, Feature.DAY_OF_WEEK_COS).zone(java.time.ZoneId.of("Europe/Berlin")).build();
        long sunday23 = MONDAY_MIDNIGHT - step;
        FeatureWindow w = SeriesFeatures.regular(spec, "t", sunday23, new double[1], new double[1])
                .window(sunday23 / step + 1, MissingPolicy.KEEP_NAN);
        assertEquals(0, w.get(0, 0, 0), 1e-6);
        assertEquals(1, w.get(0, 0, 1), 1e-6);
        assertEquals(0, w.get(0, 0, 2), 1e-6, "Monday");
        assertEquals(1, w.get(0, 0, 3), 1e-6);
    }

    @Test
    void missingStepsStayNaNOrAreForwardFilledAndCounted() {
        SeriesStore s = store();
        feed(s, 0, 0, 20, 18);
        FeatureSpec spec = FeatureSpec.trafficOnly(4, STEP);
        FeatureWindow kept = new FeatureExtractor(spec, s, MissingPolicy.KEEP_NAN).port(0, S0 + 20);
        assertTrue(Float.isNaN(kept.get(0, 2, 2)), "step 18 was never observed");
        assertTrue(kept.isMissing(0, 2));
        assertEquals(1, kept.missingSteps(0));
        assertEquals(0, kept.filledSteps(0));
        assertEquals(1, kept.nanSteps(0));
        assertFalse(kept.isComplete());

        FeatureWindow filled = new FeatureExtractor(spec, s, MissingPolicy.FORWARD_FILL).port(0, S0 + 20);
        assertEquals(8_000f * 18, filled.get(0, 2, 2), "carries step 17's rate");
        assertEquals(10_000f * 18, filled.get(0, 2, 0), "and its bytes");
        assertEquals(8_000f * 20, filled.get(0, 3, 2));
        assertTrue(filled.isMissing(0, 2), "the mask still says what was observed");
        assertEquals(1, filled.missingSteps(0));
        assertEquals(1, filled.filledSteps(0));
        assertEquals(0, filled.nanSteps(0));
    }

    @Test
    void leadingMissingStepsHaveNothingToCarry() {
        SeriesStore s = store();
        feed(s, 0, 18, 20); // the port appears at step 18
        FeatureWindow w = new FeatureExtractor(FeatureSpec.trafficOnly(4, STEP), s, MissingPolicy.FORWARD_FILL)
                .port(0, S0 + 20);
        assertTrue(Float.isNaN(w.get(0, 0, 2)) && Float.isNaN(w.get(0, 1, 2)));
        assertEquals(2, w.missingSteps(0));
        assertEquals(0, w.filledSteps(0));
        assertEquals(2, w.nanSteps(0));
        FeatureWindow unknown = new FeatureExtractor(FeatureSpec.trafficOnly(4, STEP), s, MissingPolicy.KEEP_NAN)
                .port(7, S0 + 20);
        assertEquals(4, unknown.missingSteps(0), "a port the store never saw reads as all missing");
    }

    @Test
    void batchLayoutIsNwcAndTransposesToNcw() {
        SeriesStore s = store();
        for (int p = 0; p < 3; p++) {
            feed(s, p, 0, 20);
        }
        FeatureSpec spec = FeatureSpec.builder(5, STEP).features(Feature.RATE_IN_BPS, Feature.RATE_OUT_BPS,
                Feature.TIME_OF_DAY_SIN).build();
        FeatureWindow w = new FeatureExtractor(spec, s, MissingPolicy.KEEP_NAN).ports(new int[] {2, 0, 1}, S0 + 20);
        int bSize = 3;
        int wSize = 5;
        int cSize = 3;
        float[] nwc = w.toArrayNWC();
        float[] ncw = w.toArrayNCW();
        assertEquals(bSize * wSize * cSize, nwc.length);
        for (int b = 0; b < bSize; b++) {
            for (int t = 0; t < wSize; t++) {
                for (int c = 0; c < cSize; c++) {
                    float v = w.get(b, t, c);
                    assertEquals(v, nwc[(b * wSize + t) * cSize + c]);
                    assertEquals(v, ncw[(b * cSize + c) * wSize + t]);
                }
            }
        }
        // Series 0 is port 2: its in-rate at the newest step (19) is 8,000 · 20 · 3.
        assertEquals(2, w.port(0));
        assertEquals(480_000f, nwc[(0 * wSize + 4) * cSize + 0]);
        assertEquals(480_000f, ncw[(0 * cSize + 0) * wSize + 4]);
        // Series 1 is port 0: out-rate at the oldest step (15) is 800 · 16.
        assertEquals(12_800f, ncw[(1 * cSize + 1) * wSize + 0]);
        float[] into = new float[nwc.length + 2];
        w.copyNWC(into, 2);
        assertArrayEquals(nwc, Arrays.copyOfRange(into, 2, into.length));
        nwc[0] = -1;
        assertEquals(480_000f / 20 * 16, w.get(0, 0, 0), "the window does not share its array");
    }

    @Test
    void aLinkIsItsSourcesTransmitAndItsDestinationsReceive() {
        SeriesStore s = store();
        feed(s, 0, 0, 20);
        feed(s, 1, 0, 20);
        FeatureSpec spec = FeatureSpec.trafficOnly(3, STEP);
        FeatureWindow w = new FeatureExtractor(spec, s, MissingPolicy.KEEP_NAN)
                .links(new int[] {0, 1}, new int[] {1, 0}, S0 + 20);
        assertTrue(w.isLink(0));
        assertEquals("link:0->1", w.label(0));
        assertEquals(0, w.port(0));
        assertEquals(1, w.dstPort(0));
        for (int t = 0; t < 3; t++) {
            int i = 17 + t;
            assertEquals((float) rx(1, i), w.get(0, t, spec.channelOf(Feature.RATE_IN_BPS)), "dst 1 receives");
            assertEquals((float) tx(0, i), w.get(0, t, spec.channelOf(Feature.RATE_OUT_BPS)), "src 0 transmits");
            assertEquals((float) (tx(0, i) * 10 / 8), w.get(0, t, spec.channelOf(Feature.BYTES_OUT)));
            assertEquals((float) rx(0, i), w.get(1, t, spec.channelOf(Feature.RATE_IN_BPS)), "reverse: dst 0");
            assertEquals((float) tx(1, i), w.get(1, t, spec.channelOf(Feature.RATE_OUT_BPS)), "reverse: src 1");
        }
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureExtractor(spec, s, MissingPolicy.KEEP_NAN).links(new int[] {0}, new int[0], 1));
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureExtractor(spec, s, MissingPolicy.KEEP_NAN).ports(new int[] {-1}, 1));
    }

    @Test
    void lagsComeFromTheFineTierOrTheCoarseTierBeyondIt() {
        SeriesStore s = store();
        feed(s, 0, 0, 200);
        // Fine tier: steps 170..199. Lag 10 of the window [196, 200) reads 186..189 from it; lag 100 reads 96..99,
        // older than the fine tier: the coarse tier's 60 s mean of the block holding each step (blocks of 6 steps
        // from S0, which is a multiple of 6).
        assertEquals(0, S0 % 6);
        FeatureSpec spec = FeatureSpec.builder(4, STEP).features(Feature.RATE_IN_BPS).lags(10, 100).build();
        FeatureWindow w = new FeatureExtractor(spec, s, MissingPolicy.KEEP_NAN).port(0, S0 + 200);
        int lag10 = spec.channelOf(Feature.RATE_IN_BPS, 10);
        int lag100 = spec.channelOf(Feature.RATE_IN_BPS, 100);
        for (int t = 0; t < 4; t++) {
            assertEquals((float) rx(0, 196 + t), w.get(0, t, 0));
            assertEquals((float) rx(0, 186 + t), w.get(0, t, lag10));
            long step = 96 + t;
            long block = step / 6 * 6;
            double mean = 0;
            for (long j = block; j < block + 6; j++) {
                mean += rx(0, j) / 6;
            }
            assertEquals(mean, w.get(0, t, lag100), 1e-3, "lag 100 at t=" + t);
        }
        // Beyond the coarse tier's 100 minutes there is nothing: NaN, counted in nanSteps but not as missing.
        FeatureSpec far = FeatureSpec.builder(4, STEP).features(Feature.RATE_IN_BPS).lags(1_000).build();
        FeatureWindow v = new FeatureExtractor(far, s, MissingPolicy.KEEP_NAN).port(0, S0 + 200);
        assertTrue(Float.isNaN(v.get(0, 0, 1)));
        assertEquals(0, v.missingSteps(0));
        assertEquals(4, v.nanSteps(0));
    }

    @Test
    void theSpecStepMustBeTheStoresFineStep() {
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureExtractor(FeatureSpec.trafficOnly(4, 5_000), store(), MissingPolicy.KEEP_NAN));
    }

    @Test
    void theEndStepIsTheStepAfterTheLastCompleteOne() {
        SeriesStore s = store();
        s.onRate(0, S0 * STEP, S0 * STEP + 15_000, 1e6, 1e6, 0, 0); // step S0 complete, S0 + 1 half observed
        long now = S0 * STEP + 20_000;
        s.completeStepsBefore(now);
        FeatureExtractor x = new FeatureExtractor(FeatureSpec.trafficOnly(2, STEP), s, MissingPolicy.KEEP_NAN);
        long end = x.endStepBefore(now);
        assertEquals(S0 + 2, end);
        FeatureWindow w = x.port(0, end);
        assertEquals(1e6f, w.get(0, 0, 2));
        assertEquals(1e6f, w.get(0, 1, 2), "the half-observed step is the average over its observed part");
    }
}
