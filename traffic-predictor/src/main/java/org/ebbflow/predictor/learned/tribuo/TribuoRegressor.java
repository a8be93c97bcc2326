package org.ebbflow.predictor.learned.tribuo;

import java.util.ArrayList;
import java.util.List;

import org.ebbflow.predictor.learned.Regressor;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor.DimensionTuple;

/**
 * A Tribuo regression model over the flat window inputs: features named {@code x00..} (see {@link #featureName}),
 * one output dimension per step ahead named {@code h01..} ({@link #dimensionName}). Tribuo models are immutable and
 * thread-safe for prediction. Prediction builds one Tribuo example per series: microseconds each for the linear
 * model, more for tree ensembles; fine for training, evaluation and a few thousand ports per cycle.
 */
public final class TribuoRegressor implements Regressor {
    /** Codec kind. */
    public static final String KIND = "tribuo";

    private final Model<org.tribuo.regression.Regressor> model;
    private final String modelName;
    private final int inputs;
    private final int outputs;
    private final String[] names;

    TribuoRegressor(Model<org.tribuo.regression.Regressor> model, String modelName, int inputs, int outputs) {
        this.model = model;
        this.modelName = modelName;
        this.inputs = inputs;
        this.outputs = outputs;
        this.names = featureNames(inputs);
    }

    /** @return the Tribuo model */
    Model<org.tribuo.regression.Regressor> model() {
        return model;
    }

    /** @return linear, xgboost or cart */
    String modelName() {
        return modelName;
    }

    static String featureName(int i) {
        return String.format("x%03d", i);
    }

    static String dimensionName(int h) {
        return String.format("h%03d", h + 1);
    }

    static String[] featureNames(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = featureName(i);
        }
        return names;
    }

    /** @return an unlabelled example of row {@code r} */
    static Example<org.tribuo.regression.Regressor> example(float[] in, int r, int inputs, String[] names,
                                                             org.tribuo.regression.Regressor output) {
        double[] v = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            v[i] = in[r * inputs + i];
        }
        return new ArrayExample<>(output, names, v);
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

    @Override
    public void predict(float[] in, int n, float[] out) {
        List<Example<org.tribuo.regression.Regressor>> batch = new ArrayList<>(n);
        org.tribuo.regression.Regressor unknown = org.tribuo.regression.RegressionFactory.UNKNOWN_REGRESSOR;
        for (int r = 0; r < n; r++) {
            batch.add(example(in, r, inputs, names, unknown));
        }
        List<Prediction<org.tribuo.regression.Regressor>> p = model.predict(batch);
        for (int r = 0; r < n; r++) {
            org.tribuo.regression.Regressor y = p.get(r).getOutput();
            for (DimensionTuple t : y) {
                int h = Integer.parseInt(t.getName().substring(1)) - 1;
                if (h >= 0 && h < outputs) {
                    out[r * outputs + h] = (float) t.getValue();
                }
            }
        }
    }
}
