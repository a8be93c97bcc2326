package org.ebbflow.cli;

import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Baselines;

/** Turns a {@code --model} value into a predictor: a baseline's name, {@code default}, or a model file. */
final class ModelChoice {
    /** The {@code --model} value of the pretrained default model. */
    static final String DEFAULT = "default";

    private ModelChoice() {
    }

    /**
     * @param model a baseline's name, {@code default} or a model file's path
     * @param stepMillis the series' step, for baselines
     * @param horizon H, for baselines
     * @throws IllegalArgumentException if the model cannot be had
     */
    static TrafficPredictor resolve(String model, long stepMillis, int horizon) {
        if (Baselines.isBaseline(model)) {
            return Baselines.create(model, stepMillis, horizon);
        }
        throw new IllegalArgumentException("learned models are not available in this build: --model '" + model
                + "' (use a baseline: " + String.join(", ", Baselines.NAMES) + ")");
    }
}
