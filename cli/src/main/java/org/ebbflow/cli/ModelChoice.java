package org.ebbflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Baselines;
import org.ebbflow.predictor.learned.DefaultModel;
import org.ebbflow.predictor.learned.ModelFileException;
import org.ebbflow.predictor.learned.ModelFiles;

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
        try {
            if (DEFAULT.equals(model)) {
                return DefaultModel.load().atStep(stepMillis);
            }
            Path file = Paths.get(model);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("--model '" + model + "' is neither a baseline ("
                        + String.join(", ", Baselines.NAMES) + "), 'default', nor an existing model file");
            }
            return ModelFiles.load(file).atStep(stepMillis);
        } catch (ModelFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
