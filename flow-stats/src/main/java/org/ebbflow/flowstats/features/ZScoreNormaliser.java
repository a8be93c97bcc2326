package org.ebbflow.flowstats.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per channel {@code (x - mean) / sd} with the mean and population standard deviation of the training data, which
 * then have mean 0 and standard deviation 1. Parameters: {@code mean} and {@code sd}, one value per channel.
 *
 * <p>Guard: a constant channel (sd = 0) divides by 1 instead, so it maps to 0; a channel with no finite training
 * value (or left out by the mask) gets mean 0 and sd 1, the identity. Immutable.
 */
public final class ZScoreNormaliser extends AffineNormaliser {
    private final double[] mean;
    private final double[] sd;

    private ZScoreNormaliser(double[] mean, double[] sd) {
        super(mean, guarded(sd), new boolean[mean.length]);
        this.mean = mean;
        this.sd = sd;
    }

    private static double[] guarded(double[] sd) {
        double[] s = new double[sd.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = guard(sd[c]);
        }
        return s;
    }

    /** Fits every channel of a row-major matrix of {@code channels} columns; NaN and infinities are ignored. */
    public static ZScoreNormaliser fit(float[] data, int channels) {
        return fit(data, channels, null);
    }

    /** @param fit per channel, whether to fit it (false: identity); null fits every channel */
    public static ZScoreNormaliser fit(float[] data, int channels, boolean[] fit) {
        ChannelStats.check(data, channels, fit);
        double[][] ms = ChannelStats.meanSd(data, channels, fit);
        return new ZScoreNormaliser(ms[0], ms[1]);
    }

    /** Fits every channel of a training window. */
    public static ZScoreNormaliser fit(FeatureWindow training) {
        return fit(training.data(), training.channels(), null);
    }

    static ZScoreNormaliser restore(Map<String, double[]> p) {
        Normalisers.keys(p, "mean", "sd");
        double[] mean = Normalisers.finite(p, "mean", -1);
        double[] sd = Normalisers.finite(p, "sd", mean.length);
        for (int c = 0; c < sd.length; c++) {
            if (sd[c] < 0) {
                throw new IllegalArgumentException("z-score channel " + c + ": negative sd " + sd[c]);
            }
        }
        return new ZScoreNormaliser(mean, sd);
    }

    @Override
    public NormaliserKind kind() {
        return NormaliserKind.Z_SCORE;
    }

    @Override
    public Map<String, double[]> parameters() {
        Map<String, double[]> p = new LinkedHashMap<>();
        p.put("mean", mean.clone());
        p.put("sd", sd.clone());
        return p;
    }
}
