package org.ebbflow.predictor.learned;

import java.util.List;
import java.util.Map;

import org.ebbflow.predictor.TimeSeries;

/**
 * Fits one kind of {@link Regressor} on a {@link TrainingSet}; {@link ModelTraining#train} then calibrates its
 * upper bounds and wraps it into an immutable {@link LearnedPredictor}. A trainer is configured when built and holds
 * no state between calls: the same data and options (seed included) give the same regressor.
 */
public interface Trainer {
    /** @return the model name, e.g. {@code mlp}, {@code linear}, {@code xgboost}, {@code lstm} */
    String name();

    /** @return every hyperparameter, JSON-able, as the model's provenance records them */
    Map<String, Object> hyperparameters();

    /**
     * Fits on {@link TrainingSet#train()}; may read {@link TrainingSet#validation()} for early stopping, never
     * {@link TrainingSet#calibration()}.
     *
     * @param listener hears progress
     * @return the fitted regressor
     */
    Regressor fit(TrainingSet data, TrainingListener listener);

    /**
     * Trains end to end with no listener: time splits, fit, calibration ({@link ModelTraining#train}).
     *
     * @return the immutable model
     */
    default LearnedPredictor train(List<TimeSeries> series, TrainingOptions options) {
        return ModelTraining.train(this, series, options, TrainingListener.NONE).predictor();
    }
}
