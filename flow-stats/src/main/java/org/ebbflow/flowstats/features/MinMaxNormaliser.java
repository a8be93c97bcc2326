package org.ebbflow.flowstats.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per channel {@code (x - min) / (max - min)} with min and max of the training data: training values map into
 * [0, 1]; later data may fall outside. Parameters: {@code min} and {@code max}, one value per channel.
 *
 * <p>Guard: a constant channel (max = min) divides by 1 instead, so it maps to 0; a channel with no finite
 * training value (or left out by the mask) gets min 0 and max 1, the identity. Immutable.
 */
public final class MinMaxNormaliser extends AffineNormaliser {
    private final double[] min;
    private final double[] max;

    private MinMaxNormaliser(double[] min, double[] max) {
        super(min, spreads(min, max), new boolean[min.length]);
        this.min = min;
        this.max = max;
    }

    private static double[] spreads(double[] min, double[] max) {
        double[] s = new double[min.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = guard(max[c] - min[c]);
        }
        return s;
    }

    /** Fits every channel of a row-major matrix of {@code channels} columns; NaN and infinities are ignored. */
    public static MinMaxNormaliser fit(float[] data, int channels) {
        return fit(data, channels, null);
    }

    /**
     * @param fit per channel, whether to fit it (false: identity); null fits every channel
     */
    public static MinMaxNormaliser fit(float[] data, int channels, boolean[] fit) {
        ChannelStats.check(data, channels, fit);
        double[][] mm = ChannelStats.minMax(data, channels, fit);
        return new MinMaxNormaliser(mm[0], mm[1]);
    }

    /** Fits every channel of a training window. */
    public static MinMaxNormaliser fit(FeatureWindow training) {
        return fit(training.data(), training.channels(), null);
    }

    /** Rebuilds from {@link #parameters()}; see {@link Normalisers#restore}. */
    static MinMaxNormaliser restore(Map<String, double[]> p) {
        Normalisers.keys(p, "min", "max");
        double[] min = Normalisers.finite(p, "min", -1);
        double[] max = Normalisers.finite(p, "max", min.length);
        for (int c = 0; c < min.length; c++) {
            if (max[c] < min[c]) {
                throw new IllegalArgumentException("min-max channel " + c + ": max " + max[c] + " below min " + min[c]);
            }
        }
        return new MinMaxNormaliser(min, max);
    }

    @Override
    public NormaliserKind kind() {
        return NormaliserKind.MIN_MAX;
    }

    @Override
    public Map<String, double[]> parameters() {
        Map<String, double[]> p = new LinkedHashMap<>();
        p.put("min", min.clone());
        p.put("max", max.clone());
        return p;
    }
}
