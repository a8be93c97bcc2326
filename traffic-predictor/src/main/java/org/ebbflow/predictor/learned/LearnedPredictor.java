package org.ebbflow.predictor.learned;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;

/**
 * A trained model: window features, a fitted {@link Regressor}, a {@link Calibration} for the upper bounds and the
 * {@link Provenance} of how it was made. Immutable and thread-safe; made by a {@link Trainer} or read by
 * {@link ModelFiles}.
 *
 * <p><b>Input.</b> The last {@link WindowFeatures#windowSteps()} steps of the window's {@link Feature#RATE_IN_BPS}
 * channel; a window of another layout is accepted if it has that channel and at least that many steps. The model is
 * step-free: it reads no time encodings and normalises each window by itself, so it applies at any polling step (its
 * horizon is H steps of the window's step; {@link #featureSpec()} records the step it was trained at).
 *
 * <p><b>Heads.</b> The regressor predicts H normalised means, or H means then H normalised q-quantiles (a quantile
 * head, which the {@link Calibration} then conformalises).
 *
 * <p><b>Output.</b> Means and upper bounds at {@link #quantile()} for steps 1..H in the series' unit, clamped at 0.
 * A series with no observed step in the window gets NaN; an idle or constant window is forecast as its newest value,
 * bounds included.
 */
public final class LearnedPredictor implements TrafficPredictor {
    /** Rows predicted per regressor call: bounds scratch memory for a whole fat-tree. */
    static final int CHUNK = 8192;

    private final String name;
    private final FeatureSpec spec;
    private final int horizon;
    private final WindowFeatures features;
    private final Regressor regressor;
    private final Calibration calibration;
    private final Provenance provenance;

    /**
     * @param name the model's name for reports, e.g. {@code mlp}
     * @param spec the windows it was trained on; must have {@link Feature#RATE_IN_BPS} and at least W steps
     * @param calibration its horizon sets H and must equal the regressor's outputs
     */
    public LearnedPredictor(String name, FeatureSpec spec, WindowFeatures features, Regressor regressor,
                            Calibration calibration, Provenance provenance) {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.features = Objects.requireNonNull(features, "features");
        this.regressor = Objects.requireNonNull(regressor, "regressor");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        if (spec.channelOf(Feature.RATE_IN_BPS) < 0 || spec.windowSteps() < features.windowSteps()) {
            throw new IllegalArgumentException("spec " + spec + " lacks RATE_IN_BPS or " + features.windowSteps()
                    + " steps");
        }
        int heads = calibration.quantileHead() ? 2 : 1;
        if (regressor.inputCount() != features.inputCount()
                || regressor.outputCount() != calibration.horizon() * heads) {
            throw new IllegalArgumentException("regressor of " + regressor.inputCount() + " inputs and "
                    + regressor.outputCount() + " outputs does not match " + features.inputCount() + " inputs and "
                    + calibration.horizon() + " steps x " + heads + " heads");
        }
        this.horizon = calibration.horizon();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FeatureSpec featureSpec() {
        return spec;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public double quantile() {
        return calibration.level();
    }

    /**
     * The same model declared at another step: it is step-free (per-window normalisation, no time encodings), so it
     * reads windows of any polling interval; callers that match predictors to series by step (the evaluator, a
     * controller's store) ask for it at theirs. Its horizon is then H steps of that step.
     *
     * @param stepMillis the step of the windows it will be given, positive
     * @return this model if the step is its own, else a copy with the same regressor and bounds
     */
    public LearnedPredictor atStep(long stepMillis) {
        if (stepMillis == spec.stepMillis()) {
            return this;
        }
        FeatureSpec s = FeatureSpec.builder(spec.windowSteps(), stepMillis).features(spec.features())
                .lags(spec.lagSteps()).zone(spec.zone()).build();
        return new LearnedPredictor(name, s, features, regressor, calibration, provenance);
    }

    /** @return how the inputs are built */
    public WindowFeatures features() {
        return features;
    }

    /** @return the fitted core */
    public Regressor regressor() {
        return regressor;
    }

    /** @return how the upper bounds are set */
    public Calibration calibration() {
        return calibration;
    }

    /** @return how the model was made */
    public Provenance provenance() {
        return provenance;
    }

    /** Forecasts with no task class for any series. */
    @Override
    public Forecast forecast(FeatureWindow window) {
        return forecast(window, null);
    }

    /**
     * @param taskClasses the task class of each series of the window (null elements or a null list: unknown)
     * @throws IllegalArgumentException if the window lacks {@link Feature#RATE_IN_BPS}, has too few steps, or the
     *         class list's size differs from the batch
     */
    public Forecast forecast(FeatureWindow window, List<String> taskClasses) {
        int channel = window.spec().channelOf(Feature.RATE_IN_BPS);
        int w = features.windowSteps();
        if (channel < 0 || window.steps() < w) {
            throw new IllegalArgumentException(name + " needs RATE_IN_BPS over at least " + w + " steps, got "
                    + window.spec());
        }
        int batch = window.batch();
        if (taskClasses != null && taskClasses.size() != batch) {
            throw new IllegalArgumentException(taskClasses.size() + " task classes for " + batch + " series");
        }
        float[] data = window.toArrayNWC();
        int channels = window.channels();
        int steps = window.steps();
        double[] history = new double[w];
        float[] mean = new float[batch * horizon];
        float[] upper = new float[batch * horizon];
        int chunk = Math.min(CHUNK, Math.max(1, batch));
        Batch scratch = new Batch(chunk, features.inputCount(), regressor.outputCount(),
                calibration.stepScaled() ? horizon : 0);
        for (int start = 0; start < batch; start += chunk) {
            int end = Math.min(batch, start + chunk);
            int rows = 0;
            for (int b = start; b < end; b++) {
                int base = b * steps * channels;
                for (int t = 0; t < w; t++) {
                    history[t] = data[base + (steps - w + t) * channels + channel];
                }
                String cls = taskClasses == null ? null : taskClasses.get(b);
                if (features.encode(history, 0, cls, scratch.inputs, rows * scratch.width, scratch.scale, rows)) {
                    if (scratch.ratios != null) {
                        features.stepRatios(history, 0, scratch.scale[2 * rows + 1], horizon, scratch.ratios,
                                rows * horizon);
                    }
                    scratch.row[rows++] = b;
                } else {
                    for (int h = 0; h < horizon; h++) {
                        mean[b * horizon + h] = Float.NaN;
                        upper[b * horizon + h] = Float.NaN;
                    }
                }
            }
            regressor.predict(scratch.inputs, rows, scratch.out);
            for (int r = 0; r < rows; r++) {
                write(scratch, r, mean, upper);
            }
        }
        return Forecast.of(name, batch, horizon, quantile(), window.spec().stepMillis(), mean, upper);
    }

    private void write(Batch s, int r, float[] mean, float[] upper) {
        int b = s.row[r];
        double location = s.scale[2 * r];
        double scale = s.scale[2 * r + 1];
        float regime = s.inputs[r * s.width + features.regimeInput()];
        int outs = regressor.outputCount();
        for (int h = 0; h < horizon; h++) {
            float meanOut = s.out[r * outs + h];
            float quantileOut = outs > horizon ? s.out[r * outs + horizon + h] : meanOut;
            double m = Math.max(0, WindowFeatures.restore(meanOut, location, scale));
            float ratio = s.ratios == null ? 1f : s.ratios[r * horizon + h];
            double u = Math.max(m, WindowFeatures.restore((float) calibration.upper(meanOut, quantileOut, regime, h,
                    ratio), location, scale));
            mean[b * horizon + h] = (float) m;
            upper[b * horizon + h] = Math.max((float) m, (float) u);
        }
    }

    /** @return the JSON-able description of the model, as {@code model.json} records it (without provenance) */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("featureSpec", spec.toText());
        m.put("horizon", horizon);
        m.put("quantile", quantile());
        m.put("features", features.describe());
        m.put("calibration", calibration.describe());
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "LearnedPredictor{" + name + ", " + regressor.kind() + ", W=" + features.windowSteps() + ", H="
                + horizon + ", q=" + quantile() + "}";
    }

    /** Scratch arrays of one chunk. */
    private static final class Batch {
        final int width;
        final float[] inputs;
        final double[] scale;
        final float[] out;
        final int[] row;
        final float[] ratios;

        Batch(int rows, int width, int horizon, int steps) {
            this.ratios = steps > 0 ? new float[rows * steps] : null;
            this.width = width;
            this.inputs = new float[rows * width];
            this.scale = new double[rows * 2];
            this.out = new float[rows * horizon];
            this.row = new int[rows];
        }
    }
}
