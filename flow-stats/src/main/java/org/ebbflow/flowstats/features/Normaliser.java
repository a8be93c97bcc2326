package org.ebbflow.flowstats.features;

import java.util.Map;

/**
 * A per-channel transform of model inputs, fitted on training data only and immutable afterwards, invertible so that
 * a model's outputs can be read back in the data's units.
 *
 * <p>Data are row-major: each row holds one value per channel (the NWC layout of a {@link FeatureWindow} is such a
 * matrix with B·W rows). NaN stays NaN. A normaliser is saved with its model as {@link #kind()} plus
 * {@link #parameters()} (plain numbers, no Java serialization) and rebuilt with
 * {@link Normalisers#restore(NormaliserKind, Map)}.
 */
public interface Normaliser {
    /** @return the kind, whose {@link NormaliserKind#id()} a model file records */
    NormaliserKind kind();

    /** @return the number of channels it was fitted on */
    int channels();

    /**
     * @return the fitted parameters by name, each an array with one value per channel: a fresh copy the caller may
     *         keep; the names are documented by each implementation
     */
    Map<String, double[]> parameters();

    /** @return the normalised value of {@code v} in {@code channel} */
    float transform(float v, int channel);

    /** @return the value in data units of a normalised value {@code v} in {@code channel} */
    float inverse(float v, int channel);

    /**
     * Normalises a row-major matrix in place.
     *
     * @param channels the row width; must equal {@link #channels()}
     * @throws IllegalArgumentException if the width differs or the length is not a multiple of it
     */
    default void transformInPlace(float[] data, int channels) {
        checkWidth(data, channels);
        for (int i = 0; i < data.length; i++) {
            data[i] = transform(data[i], i % channels);
        }
    }

    /** Inverts {@link #transformInPlace(float[], int)}. */
    default void inverseInPlace(float[] data, int channels) {
        checkWidth(data, channels);
        for (int i = 0; i < data.length; i++) {
            data[i] = inverse(data[i], i % channels);
        }
    }

    /**
     * Normalises a row-major matrix whose column {@code j} holds channel {@code channelOfColumn[j]}, in place: for
     * forecast targets ({@link SlidingWindows#targetChannels()}) or a subset of channels.
     */
    default void transformColumns(float[] data, int[] channelOfColumn) {
        int w = channelOfColumn.length;
        for (int i = 0; i < data.length; i++) {
            data[i] = transform(data[i], channelOfColumn[i % w]);
        }
    }

    /** Inverts {@link #transformColumns}: model outputs back to data units. */
    default void inverseColumns(float[] data, int[] channelOfColumn) {
        int w = channelOfColumn.length;
        for (int i = 0; i < data.length; i++) {
            data[i] = inverse(data[i], channelOfColumn[i % w]);
        }
    }

    /** @return a normalised copy of the window (same spec and metadata) */
    default FeatureWindow transform(FeatureWindow window) {
        float[] d = window.toArrayNWC();
        transformInPlace(d, window.channels());
        return window.withData(d);
    }

    /** @return the window in data units, from a normalised one */
    default FeatureWindow inverse(FeatureWindow window) {
        float[] d = window.toArrayNWC();
        inverseInPlace(d, window.channels());
        return window.withData(d);
    }

    private void checkWidth(float[] data, int channels) {
        if (channels != channels() || data.length % channels != 0) {
            throw new IllegalArgumentException("data of " + data.length + " values in rows of " + channels
                    + " do not match a normaliser of " + channels() + " channels");
        }
    }
}
