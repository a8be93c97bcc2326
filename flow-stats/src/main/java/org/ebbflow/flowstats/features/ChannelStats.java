package org.ebbflow.flowstats.features;

import java.util.Arrays;

/**
 * Per-channel statistics of a row-major matrix for fitting normalisers. Non-finite values (NaN for unobserved steps,
 * infinities) are left out. A channel excluded by the mask, or with no finite value, reports no statistics
 * ({@link #count} 0) and its normaliser is the identity.
 */
final class ChannelStats {
    private ChannelStats() {
    }

    static void check(float[] data, int channels, boolean[] fit) {
        if (channels < 1 || data.length % channels != 0) {
            throw new IllegalArgumentException(data.length + " values do not make rows of " + channels + " channels");
        }
        if (fit != null && fit.length != channels) {
            throw new IllegalArgumentException("channel mask of " + fit.length + " for " + channels + " channels");
        }
    }

    static boolean fitted(boolean[] fit, int c) {
        return fit == null || fit[c];
    }

    /** @return the number of finite values per channel (0 for masked channels) */
    static int[] count(float[] data, int channels, boolean[] fit) {
        int[] n = new int[channels];
        for (int i = 0; i < data.length; i++) {
            int c = i % channels;
            if (fitted(fit, c) && isFinite(data[i])) {
                n[c]++;
            }
        }
        return n;
    }

    /** @return {min, max} per channel over finite values; (0, 1) where a channel has none */
    static double[][] minMax(float[] data, int channels, boolean[] fit) {
        double[] min = new double[channels];
        double[] max = new double[channels];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < data.length; i++) {
            int c = i % channels;
            float v = data[i];
            if (fitted(fit, c) && isFinite(v)) {
                min[c] = Math.min(min[c], v);
                max[c] = Math.max(max[c], v);
            }
        }
        for (int c = 0; c < channels; c++) {
            if (min[c] > max[c]) {
                min[c] = 0;
                max[c] = 1;
            }
        }
        return new double[][] {min, max};
    }

    /** @return {mean, population standard deviation} per channel (Welford); (0, 1) where a channel has none */
    static double[][] meanSd(float[] data, int channels, boolean[] fit) {
        double[] mean = new double[channels];
        double[] m2 = new double[channels];
        long[] n = new long[channels];
        for (int i = 0; i < data.length; i++) {
            int c = i % channels;
            float v = data[i];
            if (fitted(fit, c) && isFinite(v)) {
                n[c]++;
                double d = v - mean[c];
                mean[c] += d / n[c];
                m2[c] += d * (v - mean[c]);
            }
        }
        double[] sd = new double[channels];
        for (int c = 0; c < channels; c++) {
            sd[c] = n[c] == 0 ? 1 : Math.sqrt(m2[c] / n[c]);
            if (n[c] == 0) {
                mean[c] = 0;
            }
        }
        return new double[][] {mean, sd};
    }

    /**
     * @param log1p per channel, whether to take quantiles of log1p(x) instead of x (null: none)
     * @param q quantile levels in [0, 1]
     * @return [level][channel] quantiles by linear interpolation between order statistics (R type 7, NumPy's
     *         default); NaN where a channel has no finite value
     */
    static double[][] quantiles(float[] data, int channels, boolean[] fit, boolean[] log1p, double... q) {
        int[] n = count(data, channels, fit);
        double[][] values = new double[channels][];
        for (int c = 0; c < channels; c++) {
            values[c] = new double[n[c]];
        }
        int[] at = new int[channels];
        for (int i = 0; i < data.length; i++) {
            int c = i % channels;
            float v = data[i];
            if (fitted(fit, c) && isFinite(v)) {
                values[c][at[c]++] = log1p != null && log1p[c] ? Math.log1p(v) : v;
            }
        }
        double[][] out = new double[q.length][channels];
        for (int c = 0; c < channels; c++) {
            double[] a = values[c];
            Arrays.sort(a);
            for (int k = 0; k < q.length; k++) {
                out[k][c] = quantile(a, q[k]);
            }
        }
        return out;
    }

    /** @return the type-7 quantile of sorted values, NaN if empty */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static boolean isFinite(float v) {
        return !Float.isNaN(v) && !Float.isInfinite(v);
    }

    /** @return the traffic channels of a spec, the ones per-series and log1p treatments apply to */
    static boolean[] trafficChannels(FeatureSpec spec) {
        boolean[] m = new boolean[spec.channelCount()];
        for (int c = 0; c < m.length; c++) {
            m[c] = spec.channelFeature(c).isTraffic();
        }
        return m;
    }
}
