package org.ebbflow.predictor.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upper bounds by split conformal prediction on normalised residuals, per horizon step, conditioned on the window's
 * regime and robust to the data source. Immutable.
 *
 * <p>Fitting: on a calibration slice the model never trained on, each window's normalised residual
 * {@code r = (y - a) / s - output} is taken per step h (see {@link WindowFeatures}). Windows fall into bins of the
 * regime feature (quantile edges over the slice: smooth and bursty series err differently, Mondrian conformal
 * prediction). Within a bin, each data source gets its own split-conformal quantile (the
 * {@code ceil((n + 1) q)}-th smallest residual) and the bin's offset is the largest of them: coverage must hold on
 * series the model never saw, so the offset is set by the source that needs most, not by the pooled average. A source
 * with fewer than {@link #MIN_PER_SOURCE} windows in a bin is left out of it; a bin with none takes the pooled
 * quantile. Offsets never go below 0 (a bound is never below its mean) and never decrease with h.
 *
 * <p>Bound: {@code upper_h = mean_h + s * offset[bin][h]}.
 *
 * <p><b>With a quantile head</b> (conformalised quantile regression, Romano et al., NeurIPS 2019): when the
 * regressor also predicts the q-quantile of each step, the scores are {@code (y - a) / s - quantileOutput} and the
 * bound is {@code upper_h = max(mean_h, a + s * (quantileOutput_h + offset[bin][h]))}: the width then follows
 * each window's own shape, and the offset (which may be negative) only corrects the head's miscalibration.
 *
 * <p><b>With h-step scales</b> ({@link #stepScaled()}): every score of step h is divided by the window's
 * {@link WindowFeatures#stepRatios h-step ratio} {@code r_h} before its quantile is taken, and the bound adds
 * {@code s * r_h * offset} instead of {@code s * offset} (locally weighted conformal prediction): a series that
 * wanders further in h steps than in one, relative to its step changes, gets a proportionally wider bound at h, and
 * the scores of smooth, random-walk and trending windows become comparable, so one offset fits all of them.
 */
public final class Calibration {
    /** Fewest windows of one source in one bin for its quantile to count. */
    public static final int MIN_PER_SOURCE = 50;
    /** Name of the method, recorded in model files. */
    public static final String METHOD = "mondrian-split-conformal/worst-source";

    private final double level;
    private final double[] edges;
    private final double[][] offsets;
    private final boolean quantileHead;
    private final boolean stepScaled;

    private Calibration(double level, double[] edges, double[][] offsets, boolean quantileHead, boolean stepScaled) {
        this.level = level;
        this.edges = edges;
        this.offsets = offsets;
        this.quantileHead = quantileHead;
        this.stepScaled = stepScaled;
    }

    /**
     * @param level the quantile q, in (0, 1)
     * @param edges ascending inner bin edges of the regime feature (bins = edges + 1)
     * @param offsets per bin, per step h, the normalised offset (at least 0)
     */
    public static Calibration of(double level, double[] edges, double[][] offsets) {
        return of(level, edges, offsets, false);
    }

    /**
     * @param quantileHead true if the offsets correct a quantile head (they may then be negative), false if they
     *                     are added to the mean
     */
    public static Calibration of(double level, double[] edges, double[][] offsets, boolean quantileHead) {
        return of(level, edges, offsets, quantileHead, false);
    }

    /**
     * @param stepScaled true if the offsets are in units of the window's h-step spread ({@link #stepScaled()})
     */
    public static Calibration of(double level, double[] edges, double[][] offsets, boolean quantileHead,
                                 boolean stepScaled) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        if (offsets.length != edges.length + 1 || offsets.length == 0) {
            throw new IllegalArgumentException(offsets.length + " offset rows for " + (edges.length + 1) + " bins");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] >= edges[i - 1])) {
                throw new IllegalArgumentException("bin edges must ascend: " + Arrays.toString(edges));
            }
        }
        int h = offsets[0].length;
        double[][] copy = new double[offsets.length][];
        for (int b = 0; b < offsets.length; b++) {
            if (offsets[b].length != h || h == 0) {
                throw new IllegalArgumentException("every bin needs one offset per step");
            }
            for (double v : offsets[b]) {
                if (Double.isNaN(v) || Double.isInfinite(v) || (v < 0 && !quantileHead)) {
                    throw new IllegalArgumentException("offsets must be finite (and at least 0 for the mean): " + v);
                }
            }
            copy[b] = offsets[b].clone();
        }
        return new Calibration(level, edges.clone(), copy, quantileHead, stepScaled);
    }

    /**
     * Fits offsets.
     *
     * @param level the quantile q
     * @param bins number of regime bins, at least 1
     * @param residuals normalised residuals, {@code n * horizon}, row-major
     * @param regime the regime feature per window
     * @param source the data source index per window
     */
    public static Calibration fit(double level, int bins, int horizon, float[] residuals, float[] regime,
                                  int[] source) {
        return fit(level, bins, horizon, residuals, regime, source, false);
    }

    /**
     * As {@link #fit(double, int, int, float[], float[], int[])}; with {@code quantileHead} the residuals are
     * scores against the quantile head and offsets may be negative and need not grow with h.
     */
    public static Calibration fit(double level, int bins, int horizon, float[] residuals, float[] regime,
                                  int[] source, boolean quantileHead) {
        return fit(level, bins, horizon, residuals, regime, source, quantileHead, false);
    }

    /**
     * As {@link #fit(double, int, int, float[], float[], int[], boolean)}; with {@code stepScaled} the residuals
     * must already be divided by each window's h-step ratio, and {@link #upper} multiplies the offsets back.
     */
    public static Calibration fit(double level, int bins, int horizon, float[] residuals, float[] regime,
                                  int[] source, boolean quantileHead, boolean stepScaled) {
        int n = regime.length;
        if (n == 0) {
            throw new IllegalArgumentException("no calibration windows: give more data or a longer series");
        }
        float[] sorted = regime.clone();
        Arrays.sort(sorted);
        double[] edges = new double[Math.max(0, bins - 1)];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = sorted[(int) ((long) n * (i + 1) / bins)];
        }
        int sources = 0;
        for (int s : source) {
            sources = Math.max(sources, s + 1);
        }
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            bin[i] = binOf(edges, regime[i]);
        }
        double[][] offsets = new double[edges.length + 1][horizon];
        for (int b = 0; b < offsets.length; b++) {
            for (int h = 0; h < horizon; h++) {
                List<float[]> perSource = collect(residuals, horizon, h, bin, b, source, sources);
                double worst = Double.NaN;
                int pooled = 0;
                for (float[] r : perSource) {
                    pooled += r.length;
                    if (r.length >= MIN_PER_SOURCE) {
                        double q = conformalQuantile(r, level);
                        worst = Double.isNaN(worst) ? q : Math.max(worst, q);
                    }
                }
                if (Double.isNaN(worst)) {
                    float[] all = new float[pooled];
                    int at = 0;
                    for (float[] r : perSource) {
                        System.arraycopy(r, 0, all, at, r.length);
                        at += r.length;
                    }
                    worst = all.length == 0 ? 0 : conformalQuantile(all, level);
                }
                offsets[b][h] = quantileHead ? worst : Math.max(0, Math.max(worst, h > 0 ? offsets[b][h - 1] : 0));
            }
        }
        return new Calibration(level, edges, offsets, quantileHead, stepScaled);
    }

    private static List<float[]> collect(float[] residuals, int horizon, int h, int[] bin, int b, int[] source,
                                         int sources) {
        int[] count = new int[sources];
        for (int i = 0; i < bin.length; i++) {
            if (bin[i] == b) {
                count[source[i]]++;
            }
        }
        List<float[]> out = new ArrayList<>();
        float[][] by = new float[sources][];
        for (int s = 0; s < sources; s++) {
            by[s] = new float[count[s]];
            out.add(by[s]);
        }
        int[] at = new int[sources];
        for (int i = 0; i < bin.length; i++) {
            if (bin[i] == b) {
                by[source[i]][at[source[i]]++] = residuals[i * horizon + h];
            }
        }
        return out;
    }

    /** @return the {@code ceil((n + 1) q)}-th smallest value (the largest when that rank exceeds n) */
    static double conformalQuantile(float[] values, double q) {
        float[] v = values.clone();
        Arrays.sort(v);
        int k = (int) Math.ceil((v.length + 1) * q);
        return v[Math.min(v.length, Math.max(1, k)) - 1];
    }

    private static int binOf(double[] edges, double regime) {
        int b = 0;
        while (b < edges.length && regime >= edges[b]) {
            b++;
        }
        return b;
    }

    /** @return the quantile level q of the bounds */
    public double level() {
        return level;
    }

    /** @return true if the offsets correct a quantile head, false if they are added to the mean */
    public boolean quantileHead() {
        return quantileHead;
    }

    /**
     * @param meanOut the normalised mean output
     * @param quantileOut the normalised quantile-head output (ignored without a head)
     * @return the normalised upper bound, never below the mean
     */
    public double upper(float meanOut, float quantileOut, float regime, int h) {
        return upper(meanOut, quantileOut, regime, h, 1f);
    }

    /**
     * @param stepRatio the window's h-step ratio {@code r_h} (used only if {@link #stepScaled()})
     * @return the normalised upper bound, never below the mean
     */
    public double upper(float meanOut, float quantileOut, float regime, int h, float stepRatio) {
        double o = stepScaled ? stepRatio * offset(regime, h) : offset(regime, h);
        return Math.max(meanOut, quantileHead ? quantileOut + o : meanOut + o);
    }

    /** @return true if the offsets are in units of each window's h-step spread */
    public boolean stepScaled() {
        return stepScaled;
    }

    /** @return the number of steps calibrated */
    public int horizon() {
        return offsets[0].length;
    }

    /** @return the normalised offset for a window of this regime feature at step h (0-based) */
    public double offset(float regime, int h) {
        return offsets[binOf(edges, regime)][h];
    }

    /** @return the JSON-able description recorded in model files */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", METHOD);
        m.put("adjusts", quantileHead ? "quantile-head" : "mean");
        m.put("scale", stepScaled ? "window-h-step" : "window");
        m.put("level", level);
        m.put("edges", edges.clone());
        m.put("offsets", offsets);
        return m;
    }
}
