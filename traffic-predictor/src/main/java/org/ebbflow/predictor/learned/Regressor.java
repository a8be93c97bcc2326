package org.ebbflow.predictor.learned;

/**
 * The fitted core of a learned model: maps normalised inputs ({@link WindowFeatures}) to normalised forecasts for
 * steps 1..H. Immutable and thread-safe. Each kind has a {@link RegressorCodec} that writes it into a model file and
 * reads it back.
 */
public interface Regressor {
    /** @return the codec kind, e.g. {@code mlp}, {@code tribuo}, {@code lstm} */
    String kind();

    /** @return inputs per row */
    int inputCount();

    /** @return outputs per row: the horizon H */
    int outputCount();

    /**
     * Predicts a batch.
     *
     * @param inputs {@code n * inputCount()} values, row-major
     * @param n rows
     * @param out receives {@code n * outputCount()} values, row-major
     */
    void predict(float[] inputs, int n, float[] out);
}
