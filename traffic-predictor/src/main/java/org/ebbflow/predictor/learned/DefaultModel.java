package org.ebbflow.predictor.learned;

/**
 * The pretrained model shipped with ebbflow ({@code --model default}): how it was trained, on what, with which
 * command and how well it does are in {@code traffic-predictor/DEFAULT-MODEL.md}. It needs no native library.
 */
public final class DefaultModel {
    /** The class-path resource holding it. */
    public static final String RESOURCE = "/org/ebbflow/predictor/default-model.zip";
    /** The name {@code --model} knows it by. */
    public static final String NAME = "default";

    private DefaultModel() {
    }

    /**
     * @return the default model
     * @throws ModelFileException if the resource is missing or damaged (a broken build)
     */
    public static LearnedPredictor load() throws ModelFileException {
        return ModelFiles.loadResource(RESOURCE);
    }
}
