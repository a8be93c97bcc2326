package org.ebbflow.flowstats.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties every normaliser must have, on random training matrices: heavy-tailed traffic-like channels, signed
 * channels, constant channels, NaN holes and the odd infinity.
 */
class NormaliserPropertyTest {
    /** A row-major matrix with its width, and whether each channel is non-negative (may take log1p). */
    private static final class Matrix {
        final float[] data;
        final int channels;
        final boolean[] nonNegative;

        Matrix(float[] data, int channels, boolean[] nonNegative) {
            this.data = data;
            this.channels = channels;
            this.nonNegative = nonNegative;
        }

        int rows() {
            return data.length / channels;
        }
    }

    private static Matrix matrix(SplittableRandom rnd, boolean holes) {
        int channels = rnd.nextInt(1, 5);
        int rows = rnd.nextInt(6, 60);
        float[] d = new float[rows * channels];
        boolean[] nonNegative = new boolean[channels];
        for (int c = 0; c < channels; c++) {
            int shape = rnd.nextInt(4);
            nonNegative[c] = shape != 1;
            float constant = (float) (rnd.nextDouble() * 1e6);
            for (int r = 0; r < rows; r++) {
                float v;
                switch (shape) {
                    case 0: // heavy-tailed rate: lognormal, many zeros
                        v = rnd.nextInt(3) == 0 ? 0 : (float) Math.exp(gaussian(rnd) * 3 + 10);
                        break;
                    case 1: // signed, like a time encoding or a difference
                        v = (float) (rnd.nextDouble() * 2 - 1) * (float) Math.pow(10, rnd.nextInt(-3, 4));
                        break;
                    case 2: // constant
                        v = constant;
                        break;
                    default: // uniform in a range
                        v = (float) (rnd.nextDouble() * 1e3);
                }
                d[r * channels + c] = v;
            }
        }
        if (holes) {
            for (int i = 0; i < d.length; i++) {
                if (rnd.nextInt(10) == 0) {
                    d[i] = Float.NaN;
                }
            }
        }
        return new Matrix(d, channels, nonNegative);
    }

    /** Box-Muller: SplittableRandom has no nextGaussian before Java 17. */
    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static Normaliser fit(NormaliserKind kind, Matrix m, boolean log1p) {
        if (kind == NormaliserKind.ROBUST && log1p) {
            return RobustNormaliser.fit(m.data, m.channels, null, m.nonNegative);
        }
        return Normalisers.fit(kind, m.data, m.channels);
    }

    private static double maxAbs(float[] d) {
        double m = 0;
        for (float v : d) {
            if (!Float.isNaN(v) && !Float.isInfinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    @Property(tries = 300)
    void inverseUndoesTransform(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix m = matrix(rnd, true);
        double range = maxAbs(m.data);
        for (NormaliserKind kind : NormaliserKind.values()) {
            for (boolean log1p : new boolean[] {false, true}) {
                Normaliser n = fit(kind, m, log1p);
                float[] d = m.data.clone();
                n.transformInPlace(d, m.channels);
                n.inverseInPlace(d, m.channels);
                for (int i = 0; i < d.length; i++) {
                    float x = m.data[i];
                    if (Float.isNaN(x)) {
                        assertTrue(Float.isNaN(d[i]), "NaN stays NaN");
                    } else {
                        assertEquals(x, d[i], 1e-5 * (Math.abs(x) + range + 1), kind + " log1p=" + log1p + " at " + i);
                    }
                }
            }
        }
    }

    @Property(tries = 200)
    void fitIgnoresNaNAndInfinities(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix m = matrix(rnd, false);
        // The same rows with rows of NaN and of infinities slipped in between.
        int c = m.channels;
        float[] padded = new float[m.data.length + 4 * c];
        int at = 0;
        int gap = rnd.nextInt(m.rows() + 1);
        for (int r = 0; r <= m.rows(); r++) {
            if (r == gap) {
                for (int k = 0; k < 4 * c; k++) {
                    padded[at++] = k < 3 * c ? Float.NaN : (k % 2 == 0 ? Float.POSITIVE_INFINITY
                            : Float.NEGATIVE_INFINITY);
                }
            }
            if (r < m.rows()) {
                System.arraycopy(m.data, r * c, padded, at, c);
                at += c;
            }
        }
        for (NormaliserKind kind : NormaliserKind.values()) {
            assertParametersEqual(fit(kind, m, true), fit(kind, new Matrix(padded, c, m.nonNegative), true));
        }
    }

    @Property(tries = 200)
    void constantChannelsAreSafe(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rows = rnd.nextInt(1, 30);
        float v = (float) (rnd.nextDouble() * 2e6 - 1e6);
        float[] d = new float[rows];
        Arrays.fill(d, v);
        for (NormaliserKind kind : NormaliserKind.values()) {
            Normaliser n = Normalisers.fit(kind, d, 1);
            float z = n.transform(v, 0);
            assertEquals(0f, z, kind.id());
            assertEquals(v, n.inverse(z, 0), Math.abs(v) * 1e-6, kind.id());
            float other = n.transform(v + 1, 0);
            assertTrue(!Float.isNaN(other) && !Float.isInfinite(other), "data beyond the constant stay finite");
        }
        // A channel with no value at all is the identity.
        float[] empty = {Float.NaN, Float.NaN};
        for (NormaliserKind kind : NormaliserKind.values()) {
            assertEquals(42f, Normalisers.fit(kind, empty, 1).transform(42f, 0), kind.id());
        }
    }

    @Property(tries = 200)
    void minMaxMapsTrainingDataIntoTheUnitInterval(@ForAll long seed) {
        Matrix m = matrix(new SplittableRandom(seed), true);
        float[] d = m.data.clone();
        MinMaxNormaliser.fit(m.data, m.channels).transformInPlace(d, m.channels);
        for (float v : d) {
            assertTrue(Float.isNaN(v) || (v >= 0 && v <= 1), "out of [0, 1]: " + v);
        }
    }

    @Property(tries = 200)
    void zScoreGivesMeanZeroAndUnitDeviationOnTrainingData(@ForAll long seed) {
        Matrix m = matrix(new SplittableRandom(seed), true);
        float[] d = m.data.clone();
        ZScoreNormaliser.fit(m.data, m.channels).transformInPlace(d, m.channels);
        for (int c = 0; c < m.channels; c++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            boolean constant = true;
            float first = Float.NaN;
            for (int r = 0; r < m.rows(); r++) {
                float raw = m.data[r * m.channels + c];
                if (Float.isNaN(raw)) {
                    continue;
                }
                if (Float.isNaN(first)) {
                    first = raw;
                }
                constant &= raw == first;
                float v = d[r * m.channels + c];
                sum += v;
                sq += (double) v * v;
                n++;
            }
            if (n == 0) {
                continue;
            }
            double mean = sum / n;
            double sd = Math.sqrt(sq / n - mean * mean);
            assertEquals(0, mean, 1e-4, "mean of channel " + c);
            assertEquals(constant ? 0 : 1, sd, 1e-3, "sd of channel " + c);
        }
    }

    @Property(tries = 200)
    void robustIgnoresOneHugeOutlier(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix m = matrix(rnd, false); // at least 6 rows: quartiles never touch the largest value
        float[] spiked = m.data.clone();
        for (int c = 0; c < m.channels; c++) {
            int argMax = 0;
            for (int r = 1; r < m.rows(); r++) {
                if (spiked[r * m.channels + c] > spiked[argMax * m.channels + c]) {
                    argMax = r;
                }
            }
            float max = spiked[argMax * m.channels + c];
            spiked[argMax * m.channels + c] = Math.abs(max) * 1_000 + 1e9f;
        }
        for (boolean log1p : new boolean[] {false, true}) {
            Map<String, double[]> before = fit(NormaliserKind.ROBUST, m, log1p).parameters();
            Map<String, double[]> after = fit(NormaliserKind.ROBUST, new Matrix(spiked, m.channels, m.nonNegative),
                    log1p).parameters();
            assertArrayEquals(before.get("median"), after.get("median"));
            assertArrayEquals(before.get("iqr"), after.get("iqr"));
        }
    }

    @Property(tries = 200)
    void restoredFromParametersTransformsIdentically(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix train = matrix(rnd, true);
        float[] probe = new float[train.data.length];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = (float) (rnd.nextDouble() * 4e6 - 1e6);
        }
        for (NormaliserKind kind : NormaliserKind.values()) {
            Normaliser n = fit(kind, train, true);
            Normaliser back = Normalisers.restore(n.kind().id(), n.parameters());
            assertEquals(n, back);
            float[] a = probe.clone();
            float[] b = probe.clone();
            n.transformInPlace(a, train.channels);
            back.transformInPlace(b, train.channels);
            assertArrayEquals(a, b, kind.id());
        }
    }

    @Property(tries = 100)
    void transformingTestDataDoesNotRefit(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix train = matrix(rnd, true);
        double beyond = maxAbs(train.data) * 2 + 1;
        float[] test = new float[train.data.length];
        for (int i = 0; i < test.length; i++) {
            test[i] = (float) (beyond * (1 + rnd.nextDouble())); // beyond anything in training
        }
        for (NormaliserKind kind : NormaliserKind.values()) {
            Normaliser n = fit(kind, train, false);
            Map<String, double[]> before = n.parameters();
            float[] firstPass = test.clone();
            n.transformInPlace(firstPass, train.channels);
            float[] secondPass = test.clone();
            n.transformInPlace(secondPass, train.channels);
            assertParametersEqual(before, n.parameters());
            assertArrayEquals(firstPass, secondPass, "the same transform every time");
            if (kind == NormaliserKind.MIN_MAX) {
                boolean outside = false;
                for (float v : firstPass) {
                    outside |= v > 1;
                }
                assertTrue(outside, "test data above the training max map above 1: fitted on training only");
            }
        }
    }

    private static void assertParametersEqual(Normaliser a, Normaliser b) {
        assertEquals(a.kind(), b.kind());
        assertParametersEqual(a.parameters(), b.parameters());
    }

    private static void assertParametersEqual(Map<String, double[]> a, Map<String, double[]> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), k);
        }
    }
}
