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
 * Immutable and thread-safe.
 */
public final class WindowFeatures {
    /** Inputs and targets are clipped to this many scale units. */
    public static final float CLIP = 50f;
    /** Name of this normalisation, recorded in model files. */
    public static final String NORMALISATION = "last-value/mean-abs-step";

    private final int windowSteps;
    private final List<String> taskClasses;

    private WindowFeatures(int windowSteps, List<String> taskClasses) {
        if (windowSteps < 2) {
            throw new IllegalArgumentException("window must be at least 2 steps: " + windowSteps);
        }
        this.windowSteps = windowSteps;
        this.taskClasses = Collections.unmodifiableList(new ArrayList<>(taskClasses));
    }

    /**
     * @param windowSteps W, at least 2
     * @param taskClasses the task classes to one-hot encode, in input order; empty for none
     */
    public static WindowFeatures of(int windowSteps, List<String> taskClasses) {
        return new WindowFeatures(windowSteps, Objects.requireNonNull(taskClasses, "taskClasses"));
    }

    /** @return W, the steps of history read */
    public int windowSteps() {
        return windowSteps;
    }

    /** @return the one-hot task classes, in input order (unmodifiable) */
    public List<String> taskClasses() {
        return taskClasses;
    }

    /** @return the number of inputs per series: W - 1 steps, the regime feature, the classes */
    public int inputCount() {
        return windowSteps + taskClasses.size();
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
        for (int k = 0; k < taskClasses.size(); k++) {
            out[offset + w + k] = taskClasses.get(k).equals(taskClass) ? 1f : 0f;
        }
        return true;
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
        m.put("windowSteps", windowSteps);
        m.put("clip", (double) CLIP);
        m.put("taskClasses", new ArrayList<>(taskClasses));
        m.put("inputs", inputCount());
        return m;
    }
}
