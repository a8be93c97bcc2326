package org.ebbflow.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ebbflow.predictor.learned.Trainer;
import org.ebbflow.predictor.learned.dl4j.LstmTrainer;
import org.ebbflow.predictor.learned.dl4j.MlpTrainer;
import org.ebbflow.predictor.learned.tribuo.TribuoTrainer;

/** Turns a {@code --model} value of {@code ebbflow train} into a trainer with its default hyperparameters. */
final class TrainerChoice {
    /** The model names {@code train} knows. */
    static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(MlpTrainer.NAME,
            TribuoTrainer.LINEAR, TribuoTrainer.XGBOOST, TribuoTrainer.CART, LstmTrainer.NAME));

    private TrainerChoice() {
    }

    /**
     * @throws IllegalArgumentException naming the known models if there is no such one
     */
    static Trainer create(String name) {
        return create(name, null);
    }

    /**
     * @param hidden the hidden layer widths of {@code mlp}, or null for its defaults
     * @throws IllegalArgumentException naming the known models if there is no such one, or if hidden widths are
     *         given for another model
     */
    static Trainer create(String name, int[] hidden) {
        if (hidden != null) {
            if (!MlpTrainer.NAME.equals(name)) {
                throw new IllegalArgumentException("--hidden applies to mlp only, not to " + name);
            }
            return MlpTrainer.defaults().withHidden(hidden);
        }
        switch (name) {
            case MlpTrainer.NAME: return MlpTrainer.defaults();
            case TribuoTrainer.LINEAR: return TribuoTrainer.linear();
            case TribuoTrainer.XGBOOST: return TribuoTrainer.xgboost();
            case TribuoTrainer.CART: return TribuoTrainer.cart();
            case LstmTrainer.NAME: return LstmTrainer.defaults();
            default:
                throw new IllegalArgumentException("unknown model '" + name + "' (known: " + String.join(", ", NAMES)
                        + ")");
        }
    }
}
