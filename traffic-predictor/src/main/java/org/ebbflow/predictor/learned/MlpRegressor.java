package org.ebbflow.predictor.learned;

/**
 * A fully connected network run in plain Java: ReLU hidden layers, an identity output layer. About 4,000
 * multiply-adds per series for the default sizes, so a whole k=48 fat-tree (138,240 ports) takes a fraction of a
 * second on one core, with no native library. Trained by {@code org.ebbflow.predictor.learned.dl4j.MlpTrainer};
 * saved as raw little-endian floats. Immutable and thread-safe.
 */
public final class MlpRegressor implements Regressor {
    /** Codec kind. */
    public static final String KIND = "mlp";

    private final int[] sizes;
    private final float[][] weights;
    private final float[][] biases;

    private MlpRegressor(int[] sizes, float[][] weights, float[][] biases) {
        this.sizes = sizes;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * @param sizes layer widths, inputs first, outputs last (at least two)
     * @param weights per layer {@code l}, {@code sizes[l] x sizes[l + 1]} values, row-major by input (copied)
     * @param biases per layer, {@code sizes[l + 1]} values (copied)
     * @throws IllegalArgumentException if a shape is wrong or a value is not finite
     */
    public static MlpRegressor of(int[] sizes, float[][] weights, float[][] biases) {
        if (sizes.length < 2 || weights.length != sizes.length - 1 || biases.length != weights.length) {
            throw new IllegalArgumentException("an MLP needs layer sizes and one weight and bias array per layer");
        }
        float[][] w = new float[weights.length][];
        float[][] b = new float[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            if (sizes[l] < 1 || sizes[l + 1] < 1 || weights[l].length != sizes[l] * sizes[l + 1]
                    || biases[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " does not match sizes " + sizes[l] + " x "
                        + sizes[l + 1]);
            }
            w[l] = finite(weights[l], "weights of layer " + l);
            b[l] = finite(biases[l], "biases of layer " + l);
        }
        return new MlpRegressor(sizes.clone(), w, b);
    }

    private static float[] finite(float[] v, String what) {
        for (float x : v) {
            if (Float.isNaN(x) || Float.isInfinite(x)) {
                throw new IllegalArgumentException(what + " hold a non-finite value");
            }
        }
        return v.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int inputCount() {
        return sizes[0];
    }

    @Override
    public int outputCount() {
        return sizes[sizes.length - 1];
    }

    /** @return the layer widths (a copy) */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return layer {@code l}'s weights, row-major by input (a copy) */
    public float[] weights(int l) {
        return weights[l].clone();
    }

    /** @return layer {@code l}'s biases (a copy) */
    public float[] biases(int l) {
        return biases[l].clone();
    }

    @Override
    public void predict(float[] inputs, int n, float[] out) {
        int widest = 0;
        for (int s : sizes) {
            widest = Math.max(widest, s);
        }
        float[] a = new float[widest];
        float[] z = new float[widest];
        int in = sizes[0];
        int outs = outputCount();
        int layers = weights.length;
        for (int r = 0; r < n; r++) {
            System.arraycopy(inputs, r * in, a, 0, in);
            for (int l = 0; l < layers; l++) {
                int nIn = sizes[l];
                int nOut = sizes[l + 1];
                float[] w = weights[l];
                System.arraycopy(biases[l], 0, z, 0, nOut);
                for (int i = 0; i < nIn; i++) {
                    float x = a[i];
                    if (x != 0f) {
                        int base = i * nOut;
                        for (int j = 0; j < nOut; j++) {
                            z[j] += x * w[base + j];
                        }
                    }
                }
                boolean hidden = l < layers - 1;
                for (int j = 0; j < nOut; j++) {
                    a[j] = hidden && z[j] < 0 ? 0f : z[j];
                }
            }
            System.arraycopy(a, 0, out, r * outs, outs);
        }
    }
}
