package org.ebbflow.predictor.learned.dl4j;

import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.ebbflow.predictor.learned.MlpRegressor;
import org.ebbflow.predictor.learned.ModelTraining;
import org.ebbflow.predictor.learned.Regressor;
import org.ebbflow.predictor.learned.Trainer;
import org.ebbflow.predictor.learned.TrainingListener;
import org.ebbflow.predictor.learned.TrainingSet;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A multilayer perceptron fitted with DL4J and exported to a plain-Java {@link MlpRegressor}: ReLU hidden layers, an
 * identity output per step 1..H (direct multi-output: one network predicts every step at once, so steps share what
 * they learn and inference is one pass), mean absolute error loss (NMAE is an absolute error; the median forecast
 * minimises it), Adam. Early stopping on the validation part. Deterministic for a seed with
 * {@code OMP_NUM_THREADS=1}.
 */
public final class MlpTrainer implements Trainer {
    /** The model name. */
    public static final String NAME = "mlp";

    private final int[] hidden;
    private final double learningRate;
    private final int batchSize;
    private final double l2;
    private final boolean quantileHead;

    /**
     * @param hidden widths of the hidden layers, e.g. {64, 32}
     * @param learningRate Adam's step size
     * @param batchSize windows per minibatch
     * @param l2 weight decay
     */
    public MlpTrainer(int[] hidden, double learningRate, int batchSize, double l2) {
        this(hidden, learningRate, batchSize, l2, false);
    }

    /**
     * @param quantileHead if true the network also predicts the q-quantile of every step (pinball loss,
     *                     {@link MedianQuantileLoss}), which the calibration then conformalises: bounds that follow
     *                     each window's shape
     */
    public MlpTrainer(int[] hidden, double learningRate, int batchSize, double l2, boolean quantileHead) {
        if (hidden.length == 0 || learningRate <= 0 || batchSize < 1 || l2 < 0) {
            throw new IllegalArgumentException("an MLP needs hidden layers, a positive rate and batch size");
        }
        this.hidden = hidden.clone();
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.l2 = l2;
        this.quantileHead = quantileHead;
    }

    /** @return hidden layers 64 and 32, rate 1e-3, batch 256, no weight decay, a quantile head */
    public static MlpTrainer defaults() {
        return new MlpTrainer(new int[] {64, 32}, 1e-3, 256, 0, true);
    }

    /** @return this trainer with other hidden layer widths */
    public MlpTrainer withHidden(int[] widths) {
        return new MlpTrainer(widths, learningRate, batchSize, l2, quantileHead);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("library", "deeplearning4j-nn 1.0.0-M2.1 (training), plain Java (inference)");
        m.put("hidden", hidden.clone());
        m.put("activation", "relu");
        m.put("loss", quantileHead ? "mean absolute error (means) + pinball at q (quantile head)"
                : "mean absolute error");
        m.put("quantileHead", quantileHead);
        m.put("updater", "adam");
        m.put("learningRate", learningRate);
        m.put("batchSize", batchSize);
        m.put("l2", l2);
        m.put("weightInit", "relu (He)");
        return m;
    }

    @Override
    public Regressor fit(TrainingSet data, TrainingListener listener) {
        int d = data.features().inputCount();
        int h = data.options().horizon();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(data.options().seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(learningRate))
                .l2(l2)
                .list();
        int in = d;
        for (int width : hidden) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
            in = width;
        }
        int outs = quantileHead ? 2 * h : h;
        OutputLayer.Builder output = quantileHead
                ? new OutputLayer.Builder().lossFunction(new MedianQuantileLoss(h, data.options().quantile()))
                : new OutputLayer.Builder(LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR);
        list.layer(output.nIn(in).nOut(outs).activation(Activation.IDENTITY).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        TrainingSet.Part train = data.train();
        Dl4jTraining.fit(net, data, train.size(), batchSize, new Dl4jTraining.Batcher() {
            @Override
            public INDArray inputs(int[] rows, int from, int to) {
                return gather(train.inputs(), d, rows, from, to);
            }

            @Override
            public INDArray targets(int[] rows, int from, int to) {
                return quantileHead ? gatherTwice(train.targets(), h, rows, from, to)
                        : gather(train.targets(), h, rows, from, to);
            }
        }, net1 -> ModelTraining.validationLoss(export(net1, d, outs), data), listener);
        return export(net, d, outs);
    }

    static INDArray gather(float[] src, int width, int[] rows, int from, int to) {
        float[] out = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(src, rows[i] * width, out, (i - from) * width, width);
        }
        return Nd4j.create(out, new long[] {to - from, width}, 'c');
    }

    static INDArray gatherTwice(float[] src, int width, int[] rows, int from, int to) {
        float[] out = new float[(to - from) * 2 * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(src, rows[i] * width, out, (i - from) * 2 * width, width);
            System.arraycopy(src, rows[i] * width, out, (i - from) * 2 * width + width, width);
        }
        return Nd4j.create(out, new long[] {to - from, 2L * width}, 'c');
    }

    /** @return the network's parameters as a plain-Java regressor */
    static MlpRegressor export(MultiLayerNetwork net, int inputs, int outputs) {
        int layers = net.getnLayers();
        int[] sizes = new int[layers + 1];
        float[][] w = new float[layers][];
        float[][] b = new float[layers][];
        sizes[0] = inputs;
        for (int l = 0; l < layers; l++) {
            float[][] m = net.getLayer(l).getParam("W").toFloatMatrix();
            sizes[l + 1] = m[0].length;
            w[l] = new float[m.length * m[0].length];
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, w[l], i * m[0].length, m[0].length);
            }
            b[l] = net.getLayer(l).getParam("b").toFloatVector();
        }
        if (sizes[layers] != outputs) {
            throw new IllegalStateException("network has " + sizes[layers] + " outputs, expected " + outputs);
        }
        return MlpRegressor.of(sizes, w, b);
    }
}
