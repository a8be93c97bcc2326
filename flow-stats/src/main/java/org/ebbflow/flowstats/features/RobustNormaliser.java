package org.ebbflow.flowstats.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per channel {@code (y - median) / IQR} where {@code y = log1p(x)} for channels marked log1p and {@code y = x}
 * otherwise, with the median and interquartile range (75th minus 25th percentile, linear interpolation) of y over the
 * training data. One huge value moves neither, unlike min-max or z-score.
 *
 * <p>Why log1p: port rates are heavy-tailed (long idle stretches, short bursts orders of magnitude above the median).
 * The logarithm compresses the bursts so the model sees their size as a ratio, and {@code log1p} keeps zero at zero.
 * It is for non-negative channels (rates, bytes); a value of -1 or below has no logarithm and transforms to NaN.
 * Time encodings are never marked.
 *
 * <p>Guard: an IQR of 0 (a constant channel, or one where more than half the values are equal, e.g. an idle port
 * that is mostly 0) divides by 1 instead, as scikit-learn's RobustScaler does; a channel with no finite training value
 * (or left out by the mask) gets median 0 and IQR 1. Parameters: {@code median}, {@code iqr} and {@code log1p}
 * (1 or 0), one value per channel. Immutable.
 */
public final class RobustNormaliser extends AffineNormaliser {
    private final double[] median;
    private final double[] iqr;
    private final boolean[] log1p;

    private RobustNormaliser(double[] median, double[] iqr, boolean[] log1p) {
        super(median, guarded(iqr), log1p);
        this.median = median;
        this.iqr = iqr;
        this.log1p = log1p;
    }

    private static double[] guarded(double[] iqr) {
        double[] s = new double[iqr.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = guard(iqr[c]);
        }
        return s;
    }

    /** Fits every channel of a row-major matrix, without log1p; NaN and infinities are ignored. */
    public static RobustNormaliser fit(float[] data, int channels) {
        return fit(data, channels, null, null);
    }

    /**
     * @param fit per channel, whether to fit it (false: identity); null fits every channel
     * @param log1p per channel, whether to take log1p first; null for none
     */
    public static RobustNormaliser fit(float[] data, int channels, boolean[] fit, boolean[] log1p) {
        ChannelStats.check(data, channels, fit);
        if (log1p != null && log1p.length != channels) {
            throw new IllegalArgumentException("log1p mask of " + log1p.length + " for " + channels + " channels");
        }
        boolean[] logs = log1p == null ? new boolean[channels] : log1p.clone();
        double[][] q = ChannelStats.quantiles(data, channels, fit, logs, 0.25, 0.5, 0.75);
        double[] median = new double[channels];
        double[] iqr = new double[channels];
        for (int c = 0; c < channels; c++) {
            boolean none = Double.isNaN(q[1][c]);
            median[c] = none ? 0 : q[1][c];
            iqr[c] = none ? 1 : q[2][c] - q[0][c];
        }
        return new RobustNormaliser(median, iqr, logs);
    }

    /**
     * Fits every channel of a training window.
     *
     * @param log1pTraffic whether to take log1p of the traffic channels (never of the time encodings)
     */
    public static RobustNormaliser fit(FeatureWindow training, boolean log1pTraffic) {
        boolean[] logs = log1pTraffic ? ChannelStats.trafficChannels(training.spec())
                : new boolean[training.channels()];
        return fit(training.data(), training.channels(), null, logs);
    }

    static RobustNormaliser restore(Map<String, double[]> p) {
        Normalisers.keys(p, "median", "iqr", "log1p");
        double[] median = Normalisers.finite(p, "median", -1);
        double[] iqr = Normalisers.finite(p, "iqr", median.length);
        double[] flags = Normalisers.finite(p, "log1p", median.length);
        boolean[] logs = new boolean[median.length];
        for (int c = 0; c < median.length; c++) {
            if (iqr[c] < 0) {
                throw new IllegalArgumentException("robust channel " + c + ": negative iqr " + iqr[c]);
            }
            if (flags[c] != 0 && flags[c] != 1) {
                throw new IllegalArgumentException("robust channel " + c + ": log1p must be 0 or 1, not " + flags[c]);
            }
            logs[c] = flags[c] == 1;
        }
        return new RobustNormaliser(median, iqr, logs);
    }

    @Override
    public NormaliserKind kind() {
        return NormaliserKind.ROBUST;
    }

    @Override
    public Map<String, double[]> parameters() {
        Map<String, double[]> p = new LinkedHashMap<>();
        p.put("median", median.clone());
        p.put("iqr", iqr.clone());
        double[] flags = new double[log1p.length];
        for (int c = 0; c < flags.length; c++) {
            flags[c] = log1p[c] ? 1 : 0;
        }
        p.put("log1p", flags);
        return p;
    }
}
