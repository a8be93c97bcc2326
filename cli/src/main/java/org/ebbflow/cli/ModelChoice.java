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
    private ModelChoice() {
    }

    /**
     * @param model a baseline's name, {@code default} (the pretrained model shipped with ebbflow) or a model file
     * @param stepMillis the series' step, for baselines
     * @param horizon H, for baselines
     * @throws IllegalArgumentException if the value names no baseline and no existing file
     * @throws ModelFileException if the model file (or the default model's resource) is unreadable, corrupt, foreign
     *     or of an unknown version: no fallback here, since an evaluation of a baseline in its place would mislead
     */
    static TrafficPredictor resolve(String model, long stepMillis, int horizon) throws ModelFileException {
        if (Baselines.isBaseline(model)) {
            return Baselines.create(model, stepMillis, horizon);
        }
        if (DefaultModel.NAME.equals(model)) {
            return DefaultModel.load().atStep(stepMillis);
        }
        Path file = Paths.get(model);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model '" + model + "' is neither a model file nor one of: "
                    + DefaultModel.NAME + ", " + String.join(", ", Baselines.NAMES));
        }
        return ModelFiles.load(file).atStep(stepMillis);
    }
}
