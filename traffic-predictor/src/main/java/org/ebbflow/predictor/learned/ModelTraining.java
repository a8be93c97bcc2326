package org.ebbflow.predictor.learned;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.predictor.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model end to end: cuts the series by time ({@link TrainingSet}), fits the trainer's regressor, calibrates
 * the upper bounds on the calibration part ({@link Calibration}), and measures the result on the validation part
 * ({@link TrainingSummary}).
 */
public final class ModelTraining {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);

    private ModelTraining() {
    }

    /** The trained model and its figures. */
    public static final class Result {
        private final LearnedPredictor predictor;
        private final TrainingSummary summary;

        Result(LearnedPredictor predictor, TrainingSummary summary) {
            this.predictor = predictor;
            this.summary = summary;
        }

        /** @return the immutable model */
        public LearnedPredictor predictor() {
            return predictor;
        }

        /** @return its figures on the validation part */
        public TrainingSummary summary() {
            return summary;
        }
    }

    /** As {@link #train(Trainer, TrainingSet, TrainingListener)} from series. */
    public static Result train(Trainer trainer, List<TimeSeries> series, TrainingOptions options,
                               TrainingListener listener) {
        return train(trainer, TrainingSet.of(series, options), listener);
    }

    /**
     * @param listener hears progress (the trainer's phases, then calibration)
     * @throws IllegalArgumentException if the calibration part is empty
     */
    public static Result train(Trainer trainer, TrainingSet data, TrainingListener listener) {
        long start = System.nanoTime();
        TrainingOptions o = data.options();
        LOG.info("training {} on {} windows ({} calibration, {} validation) from {} sources", trainer.name(),
                data.train().size(), data.calibration().size(), data.validation().size(), data.sources().size());
        Regressor regressor = trainer.fit(data, listener);
        listener.phaseStarted("calibration", 1);
        Calibration calibration = calibrate(regressor, data);
        listener.progress(1);
        listener.phaseEnded("offsets at step 1: " + String.format("%.2f", calibration.offset(0f, 0)));
        FeatureSpec spec = FeatureSpec.of(java.util.Collections.singletonList(Feature.RATE_IN_BPS), o.windowSteps(),
                data.stepMillis());
        Map<String, Object> hyper = new LinkedHashMap<>(trainer.hyperparameters());
        hyper.put("options", o.describe());
        Provenance provenance = Provenance.forTraining(trainer.name(), hyper, data.sourceProvenance(), o.seed());
        LearnedPredictor predictor = new LearnedPredictor(trainer.name(), spec, data.features(), regressor,
                calibration, provenance);
        Map<String, Object> figures = evaluate(predictor, data);
        figures.put("seconds", (System.nanoTime() - start) / 1e9);
        return new Result(predictor, new TrainingSummary(figures));
    }

    static Calibration calibrate(Regressor regressor, TrainingSet data) {
        TrainingSet.Part cal = data.calibration();
        if (cal.size() == 0) {
            throw new IllegalArgumentException("no calibration window: series are too short for the splits");
        }
        int h = cal.horizon();
        int outs = regressor.outputCount();
        boolean head = outs == 2 * h;
        float[] out = predict(regressor, cal);
        float[] residuals = new float[cal.size() * h];
        float[] regime = new float[cal.size()];
        int[] source = new int[cal.size()];
        int d = cal.inputCount();
        int ri = data.features().regimeInput();
        for (int i = 0; i < cal.size(); i++) {
            for (int k = 0; k < h; k++) {
                float pred = out[i * outs + (head ? h : 0) + k];
                residuals[i * h + k] = cal.scale(i) > 0 ? (cal.targets()[i * h + k] - pred) / cal.stepRatio(i, k)
                        : 0f;
            }
            regime[i] = cal.inputs()[i * d + ri];
            source[i] = cal.source(i);
        }
        return Calibration.fit(data.options().quantile(), data.options().bins(), h, residuals, regime, source, head,
                data.options().stepScaled());
    }

    /** @return outputs of the regressor for every window of a part, in chunks */
    static float[] predict(Regressor regressor, TrainingSet.Part part) {
        int d = part.inputCount();
        int h = regressor.outputCount();
        float[] out = new float[part.size() * h];
        int chunk = LearnedPredictor.CHUNK;
        float[] in = new float[chunk * d];
        float[] o = new float[chunk * h];
        for (int s = 0; s < part.size(); s += chunk) {
            int n = Math.min(chunk, part.size() - s);
            System.arraycopy(part.inputs(), s * d, in, 0, n * d);
            regressor.predict(in, n, o);
            System.arraycopy(o, 0, out, s * h, n * h);
        }
        return out;
    }

    /**
     * @return mean absolute normalised error of the regressor's mean outputs on a part (windows with scale 0 left
     *         out)
     */
    public static double loss(Regressor regressor, TrainingSet.Part part) {
        float[] out = predict(regressor, part);
        int h = part.horizon();
        int outs = regressor.outputCount();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < part.size(); i++) {
            if (part.scale(i) > 0) {
                for (int k = 0; k < h; k++) {
                    sum += Math.abs(out[i * outs + k] - part.targets()[i * h + k]);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * @return as {@link #loss(Regressor, TrainingSet.Part)} on the validation part, but with each source's mean loss
     *         weighted by its share ({@link TrainingOptions#sourceShares}) when the options balance sources
     */
    public static double validationLoss(Regressor regressor, TrainingSet data) {
        TrainingSet.Part part = data.validation();
        if (data.options().sourceBalance() == 0) {
            return loss(regressor, part);
        }
        float[] out = predict(regressor, part);
        int h = part.horizon();
        int outs = regressor.outputCount();
        int sources = data.sources().size();
        double[] sum = new double[sources];
        long[] n = new long[sources];
        for (int i = 0; i < part.size(); i++) {
            if (part.scale(i) > 0) {
                for (int k = 0; k < h; k++) {
                    sum[part.source(i)] += Math.abs(out[i * outs + k] - part.targets()[i * h + k]);
                }
                n[part.source(i)] += h;
            }
        }
        double[] share = data.options().sourceShares(data.trainingWindowsPerSource());
        double total = 0;
        double weight = 0;
        for (int s = 0; s < sources; s++) {
            if (n[s] > 0) {
                total += share[s] * sum[s] / n[s];
                weight += share[s];
            }
        }
        return weight == 0 ? Double.NaN : total / weight;
    }

    /** @return figures of a predictor on the training set's validation part (and its training loss) */
    static Map<String, Object> evaluate(LearnedPredictor p, TrainingSet data) {
        TrainingSet.Part val = data.validation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", p.name());
        m.put("trainWindows", data.train().size());
        m.put("calibrationWindows", data.calibration().size());
        m.put("validationWindows", val.size());
        m.put("trainLoss", loss(p.regressor(), data.train()));
        m.put("validationLoss", loss(p.regressor(), val));
        int h = val.horizon();
        int outs = p.regressor().outputCount();
        float[] out = predict(p.regressor(), val);
        double[] errModel = new double[h];
        double[] errPersist = new double[h];
        double[] sumActual = new double[h];
        double[] sumExcess = new double[h];
        long[] covered = new long[h];
        int d = val.inputCount();
        int ri = data.features().regimeInput();
        for (int i = 0; i < val.size(); i++) {
            double loc = val.location(i);
            double scale = val.scale(i);
            float regime = val.inputs()[i * d + ri];
            for (int k = 0; k < h; k++) {
                double y = val.actual(i, k);
                float meanOut = out[i * outs + k];
                float quantileOut = outs > h ? out[i * outs + h + k] : meanOut;
                double mean = Math.max(0, WindowFeatures.restore(meanOut, loc, scale));
                double upper = Math.max(mean, WindowFeatures.restore((float) p.calibration().upper(meanOut,
                        quantileOut, regime, k, val.stepRatio(i, k)), loc, scale));
                errModel[k] += Math.abs(mean - y);
                errPersist[k] += Math.abs(loc - y);
                sumActual[k] += Math.abs(y);
                sumExcess[k] += upper - y;
                if (y <= upper) {
                    covered[k]++;
                }
            }
        }
        double em = 0;
        double ep = 0;
        double sa = 0;
        double se = 0;
        long cov = 0;
        for (int k = 0; k < h; k++) {
            em += errModel[k];
            ep += errPersist[k];
            sa += sumActual[k];
            se += sumExcess[k];
            cov += covered[k];
        }
        m.put("nmae", em / sa);
        m.put("nmaePersistence", ep / sa);
        m.put("skillVsPersistence", 1 - em / ep);
        m.put("nmaeStep1", errModel[0] / sumActual[0]);
        m.put("nmaePersistenceStep1", errPersist[0] / sumActual[0]);
        m.put("skillStep1", 1 - errModel[0] / errPersist[0]);
        m.put("nmaeStepH", errModel[h - 1] / sumActual[h - 1]);
        m.put("nmaePersistenceStepH", errPersist[h - 1] / sumActual[h - 1]);
        m.put("skillStepH", 1 - errModel[h - 1] / errPersist[h - 1]);
        m.put("coverage", val.size() == 0 ? Double.NaN : cov / (double) (val.size() * (long) h));
        m.put("coverageStep1", val.size() == 0 ? Double.NaN : covered[0] / (double) val.size());
        m.put("excess", se / sa);
        m.put("quantile", p.quantile());
        m.put("horizon", h);
        return m;
    }
}
