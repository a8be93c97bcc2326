package org.ebbflow.predictor.learned.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ebbflow.predictor.learned.Regressor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J LSTM over the normalised window: the sequence is the window's W normalised values (channel 0), with the
 * regime feature and the task classes as constant channels; the last time step's state feeds an identity output
 * layer with one unit per step ahead. Calls are serialised (a DL4J network is not thread-safe); batch many series per
 * call, a single-series call costs milliseconds of native overhead.
 */
public final class LstmRegressor implements Regressor {
    /** Codec kind. */
    public static final String KIND = "lstm";

    private final MultiLayerNetwork net;
    private final int windowSteps;
    private final int inputs;
    private final int outputs;

    /** Takes ownership of the network. */
    LstmRegressor(MultiLayerNetwork net, int windowSteps, int inputs, int outputs) {
        this.net = net;
        this.windowSteps = windowSteps;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** @return W, the sequence length */
    int windowSteps() {
        return windowSteps;
    }

    /** @return the network (for the codec) */
    MultiLayerNetwork network() {
        return net;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int inputCount() {
        return inputs;
    }

    @Override
    public int outputCount() {
        return outputs;
    }

    /** @return the channels of the sequence for {@code inputs} flat inputs: value, regime, classes */
    static int channels(int inputs, int windowSteps) {
        return 1 + (inputs - (windowSteps - 1));
    }

    /** @return the NCW sequence batch for rows {@code rows[from, to)} of flat inputs ({@code rows} null: 0..n) */
    static INDArray sequences(float[] flat, int w, int inputs, int[] rows, int from, int to) {
        int c = channels(inputs, w);
        int n = to - from;
        float[] seq = new float[n * c * w];
        for (int i = 0; i < n; i++) {
            int r = rows == null ? from + i : rows[from + i];
            int base = r * inputs;
            int o = i * c * w;
            for (int t = 0; t < w - 1; t++) {
                seq[o + t] = flat[base + t];
            }
            seq[o + w - 1] = 0f;
            for (int k = 1; k < c; k++) {
                float v = flat[base + w - 2 + k];
                for (int t = 0; t < w; t++) {
                    seq[o + k * w + t] = v;
                }
            }
        }
        return Nd4j.create(seq, new long[] {n, c, w}, 'c');
    }

    @Override
    public synchronized void predict(float[] in, int n, float[] out) {
        if (n == 0) {
            return;
        }
        int chunk = 4096;
        for (int s = 0; s < n; s += chunk) {
            int e = Math.min(n, s + chunk);
            float[] o = net.output(sequences(in, windowSteps, inputs, null, s, e)).dup('c').data().asFloat();
            System.arraycopy(o, 0, out, s * outputs, (e - s) * outputs);
        }
    }
}
