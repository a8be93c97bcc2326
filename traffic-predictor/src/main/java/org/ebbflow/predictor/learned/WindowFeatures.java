package org.ebbflow.predictor.learned;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the last W steps of one series into the inputs of a learned model, normalised by that window alone, so that
 * one global model serves ports of any scale, including ports it never saw.
 *
 * <p><b>Normalisation</b> (per window, invertible per series): location {@code a} = the newest value, scale
 * {@code s} = the mean absolute step change over the window (its volatility), or the mean absolute value when the
 * window never changes, or 0 for an all-zero window. Inputs are {@code (x_t - a) / s} for the W - 1 older steps
 * (the newest is 0 by construction), clipped to ±{@link #CLIP}, then the regime feature
 * {@code log1p(mean|x| / s)} (large for smooth series such as aggregated links, small for bursty ports: it lets a
 * non-linear model choose between carrying the level forward and averaging the noise away), then one-hot task classes.
 * The model predicts {@code (y_h - a) / s} for h = 1..H; {@code y_h = a + s * output}. A window with s = 0 (an idle or
 * constant port) is forecast as its newest value, bounds included.
 *
 * <p>Why not {@code PerSeriesNormaliser} (median/IQR of the window): an idle port is mostly 0, its IQR is 0, the
 * guard divides by 1 and the model sees raw bit/s; and level statistics cannot tell a smooth link from a bursty port,
 * which is what decides between persistence and averaging (see {@code DEFAULT-MODEL.md}).
 *
 * <p><b>Missing values</b>: NaN steps are filled with the previous observed value (the oldest ones with the first
 * observed); a window with no observed value cannot be encoded. <b>Task classes</b>: the classes seen in training,
 * each an input that is 1 for a series of that class; a series of no class or an unknown one has all of them 0.
 *
 * <p><b>Shape inputs</b> ({@link #SHAPE}, the default model's layout; {@link #LAGS} has none): after the regime
 * feature, {@value #SHAPE_INPUTS} summaries that are not linear in the lags and tell a model how to treat the
 * window: the means of the last 3, 6 and 12 steps relative to the newest value ({@code (mean - a) / s}: multi-scale
 * smoothed levels, the estimate a noisy series should be carried from), the lag-1 autocorrelation of the step
 * changes (near -1 when the newest value is mostly measurement noise around a level, near 0 for a random walk, where
 * the last value is the best guess), the log-ratio of the volatility of the last 6 steps to the window's
 * ({@code log(recent / s)}, clipped to ±5: a calm or an agitated present), the share of idle (zero) steps
 * (on/off host ports), and the window's largest and smallest values relative to the newest ({@code (max - a) / s},
 * {@code (min - a) / s}: the range a bounded or on/off series stays in). All are per-window and unitless, so the
 * model stays scale- and step-free. Immutable and thread-safe.
 */
public final class WindowFeatures {
    /** Inputs and targets are clipped to this many scale units. */
    public static final float CLIP = 50f;
    /** Name of this normalisation, recorded in model files. */
    public static final String NORMALISATION = "last-value/mean-abs-step";
    /** Layout: W - 1 normalised steps, the regime feature, the classes. */
    public static final String LAGS = "lags";
    /** Layout: as {@link #LAGS} plus the shape inputs after the regime feature. */
    public static final String SHAPE = "lags+shape";
    /** Number of shape inputs of the {@link #SHAPE} layout. */
    public static final int SHAPE_INPUTS = 8;
    /** Steps of the recent volatility in the shape inputs. */
    static final int RECENT_STEPS = 6;

    private final int windowSteps;
    private final List<String> taskClasses;
    private final boolean shape;

    private WindowFeatures(int windowSteps, List<String> taskClasses, boolean shape) {
        if (windowSteps < 2 || (shape && windowSteps < 13)) {
            throw new IllegalArgumentException("window must be at least 2 steps (13 with shape inputs): "
                    + windowSteps);
        }
        this.windowSteps = windowSteps;
        this.taskClasses = Collections.unmodifiableList(new ArrayList<>(taskClasses));
        this.shape = shape;
    }

    /**
     * The {@link #LAGS} layout.
     *
     * @param windowSteps W, at least 2
     * @param taskClasses the task classes to one-hot encode, in input order; empty for none
     */
    public static WindowFeatures of(int windowSteps, List<String> taskClasses) {
        return of(windowSteps, taskClasses, LAGS);
    }

    /**
     * @param windowSteps W, at least 2 ({@link #SHAPE}: at least 13)
     * @param taskClasses the task classes to one-hot encode, in input order; empty for none
     * @param layout {@link #LAGS} or {@link #SHAPE}
     * @throws IllegalArgumentException for another layout or too short a window
     */
    public static WindowFeatures of(int windowSteps, List<String> taskClasses, String layout) {
        if (!LAGS.equals(layout) && !SHAPE.equals(layout)) {
            throw new IllegalArgumentException("unknown input layout '" + layout + "' (known: " + LAGS + ", " + SHAPE
                    + ")");
        }
        return new WindowFeatures(windowSteps, Objects.requireNonNull(taskClasses, "taskClasses"),
                SHAPE.equals(layout));
    }

    /** @return {@link #LAGS} or {@link #SHAPE} */
    public String layout() {
        return shape ? SHAPE : LAGS;
    }

    /** @return W, the steps of history read */
    public int windowSteps() {
        return windowSteps;
    }

    /** @return the one-hot task classes, in input order (unmodifiable) */
    public List<String> taskClasses() {
        return taskClasses;
    }

    /** @return the number of inputs per series: W - 1 steps, the regime feature, shape inputs, the classes */
    public int inputCount() {
        return windowSteps + shapeCount() + taskClasses.size();
    }

    private int shapeCount() {
        return shape ? SHAPE_INPUTS : 0;
    }

    /** @return the position of the regime feature among the inputs */
    public int regimeInput() {
        return windowSteps - 1;
    }

    /**
     * Encodes one window.
     *
     * @param values W values, oldest first, in the series' unit; NaN = unobserved; read from {@code from}
     * @param taskClass the series' class, or null
     * @param out receives {@link #inputCount()} inputs from {@code offset}
     * @param scaleOut receives {location, scale} at {@code scaleOffset * 2}
     * @return false if the window has no observed value (nothing written to {@code out})
     */
    public boolean encode(double[] values, int from, String taskClass, float[] out, int offset, double[] scaleOut,
                          int scaleOffset) {
        int w = windowSteps;
        int first = -1;
        for (int i = 0; i < w; i++) {
            if (!Double.isNaN(values[from + i])) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return false;
        }
        double prev = values[from + first];
        double level = 0;
        double vol = 0;
        double last = prev;
        for (int i = 0; i < w; i++) {
            double v = values[from + i];
            if (Double.isNaN(v)) {
                v = prev;
            }
            level += Math.abs(v);
            if (i > 0) {
                vol += Math.abs(v - prev);
            }
            prev = v;
            last = v;
        }
        level /= w;
        vol /= w - 1;
        double s = vol > 0 ? vol : level;
        scaleOut[2 * scaleOffset] = last;
        scaleOut[2 * scaleOffset + 1] = s;
        double inv = s > 0 ? 1 / s : 0;
        prev = values[from + first];
        for (int i = 0; i < w - 1; i++) {
            double v = values[from + i];
            if (Double.isNaN(v)) {
                v = prev;
            }
            prev = v;
            out[offset + i] = clip((float) ((v - last) * inv));
        }
        out[offset + w - 1] = s > 0 ? (float) Math.log1p(Math.min(level * inv, 1e6)) : 0f;
        if (shape) {
            shapeInputs(values, from, first, last, vol, inv, out, offset + w);
        }
        int c = offset + w + shapeCount();
        for (int k = 0; k < taskClasses.size(); k++) {
            out[c + k] = taskClasses.get(k).equals(taskClass) ? 1f : 0f;
        }
        return true;
    }

    /** Writes the {@value #SHAPE_INPUTS} shape inputs from {@code at}; NaN steps filled as in {@link #encode}. */
    private void shapeInputs(double[] values, int from, int first, double last, double vol, double inv, float[] out,
                             int at) {
        int w = windowSteps;
        double prev = values[from + first];
        double sum3 = 0;
        double sum6 = 0;
        double sum12 = 0;
        double recent = 0;
        double idle = 0;
        double sumD = 0;
        double sumDD = 0;
        double sumLag = 0;
        double prevD = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < w; i++) {
            double v = values[from + i];
            if (Double.isNaN(v)) {
                v = prev;
            }
            max = Math.max(max, v);
            min = Math.min(min, v);
            int age = w - 1 - i;
            if (age < 12) {
                sum12 += v;
                if (age < 6) {
                    sum6 += v;
                    if (age < 3) {
                        sum3 += v;
                    }
                }
            }
            if (v == 0) {
                idle++;
            }
            if (i > 0) {
                double d = v - prev;
                sumD += d;
                sumDD += d * d;
                if (i > 1) {
                    sumLag += d * prevD;
                }
                if (age < RECENT_STEPS) {
                    recent += Math.abs(d);
                }
                prevD = d;
            }
            prev = v;
        }
        out[at] = clip((float) ((sum3 / 3 - last) * inv));
        out[at + 1] = clip((float) ((sum6 / 6 - last) * inv));
        out[at + 2] = clip((float) ((sum12 / 12 - last) * inv));
        int nd = w - 1;
        double meanD = sumD / nd;
        double var = sumDD / nd - meanD * meanD;
        double acf = 0;
        if (var > 0 && nd > 1) {
            acf = (sumLag / (nd - 1) - meanD * meanD) / var;
            acf = Math.max(-1, Math.min(1, acf));
        }
        out[at + 3] = (float) acf;
        double ratio = vol > 0 ? Math.log(Math.max(recent / RECENT_STEPS, 1e-300) / vol) : 0;
        out[at + 4] = (float) Math.max(-5, Math.min(5, ratio));
        out[at + 5] = (float) (idle / w);
        out[at + 6] = clip((float) ((max - last) * inv));
        out[at + 7] = clip((float) ((min - last) * inv));
    }

    /**
     * The window's own spread at each step ahead, relative to its scale: {@code r_h = max(1, s_h / s)} with
     * {@code s_h} the mean of {@code |x_{t+h} - x_t|} over the pairs of steps h apart in the window (NaN steps filled
     * as in {@link #encode}; for h &ge; W the widest spacing the window has). About 1 for noise around a level,
     * {@code sqrt(h)} for a random walk, {@code h} for a steady ramp: how much further a series of this shape wanders
     * in h steps than in one. 1 for every h when the scale is 0.
     *
     * @param values W values, oldest first, read from {@code from}
     * @param scale the window's scale {@code s} ({@link #encode} writes it)
     * @param out receives H ratios from {@code offset}
     */
    public void stepRatios(double[] values, int from, double scale, int horizon, float[] out, int offset) {
        int w = windowSteps;
        if (!(scale > 0)) {
            java.util.Arrays.fill(out, offset, offset + horizon, 1f);
            return;
        }
        double[] v = new double[w];
        double prev = Double.NaN;
        for (int i = 0; i < w; i++) {
            double x = values[from + i];
            if (Double.isNaN(x)) {
                x = prev;
            }
            v[i] = x;
            prev = x;
        }
        int firstObserved = 0;
        while (firstObserved < w && Double.isNaN(v[firstObserved])) {
            firstObserved++;
        }
        for (int i = 0; i < firstObserved; i++) {
            v[i] = v[firstObserved];
        }
        for (int h = 1; h <= horizon; h++) {
            int gap = Math.min(h, w - 1);
            double sum = 0;
            for (int i = gap; i < w; i++) {
                sum += Math.abs(v[i] - v[i - gap]);
            }
            double ratio = sum / (w - gap) / scale;
            out[offset + h - 1] = (float) Math.max(1, ratio);
        }
    }

    /** @return {@code (y - location) / scale}, clipped; 0 when the scale is 0 */
    public static float target(double y, double location, double scale) {
        return scale > 0 ? clip((float) ((y - location) / scale)) : 0f;
    }

    /** @return the value in the series' unit of a normalised output */
    public static double restore(float output, double location, double scale) {
        return location + scale * output;
    }

    static float clip(float v) {
        return v > CLIP ? CLIP : (v < -CLIP ? -CLIP : v);
    }

    /** @return the JSON-able description recorded in model files */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("normalisation", NORMALISATION);
        m.put("layout", layout());
        m.put("windowSteps", windowSteps);
        m.put("clip", (double) CLIP);
        m.put("taskClasses", new ArrayList<>(taskClasses));
        m.put("inputs", inputCount());
        return m;
    }
}
