package org.ebbflow.predictor.learned.dl4j;

import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.ebbflow.predictor.learned.ModelTraining;
import org.ebbflow.predictor.learned.Regressor;
import org.ebbflow.predictor.learned.Trainer;
import org.ebbflow.predictor.learned.TrainingListener;
import org.ebbflow.predictor.learned.TrainingSet;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * One global DL4J LSTM across all series: {@code LastTimeStep(LSTM(units, tanh))} then an identity output layer
 * with one unit per step 1..H (direct multi-output), mean absolute error, Adam; per-window normalisation
 * ({@link org.ebbflow.predictor.learned.WindowFeatures}) so it transfers to ports it never saw. Early stopping on the
 * validation part. Deterministic for a seed with {@code OMP_NUM_THREADS=1}. Inference costs about 0.08 ms per series
 * batched (dependencies.md §3): too slow for a whole k=48 fat-tree per cycle, fine for links or small fabrics.
 */
public final class LstmTrainer implements Trainer {
    /** The model name. */
    public static final String NAME = "lstm";

    private final int units;
    private final double learningRate;
    private final int batchSize;
    private final int maxTrainWindows;

    /**
     * @param units LSTM units
     * @param learningRate Adam's step size
     * @param batchSize windows per minibatch
     * @param maxTrainWindows the training part is thinned evenly to at most this many windows (LSTM epochs are
     *                        expensive on a CPU)
     */
    public LstmTrainer(int units, double learningRate, int batchSize, int maxTrainWindows) {
        if (units < 1 || learningRate <= 0 || batchSize < 1 || maxTrainWindows < 1) {
            throw new IllegalArgumentException("units, rate, batch size and window cap must be positive");
        }
        this.units = units;
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.maxTrainWindows = maxTrainWindows;
    }

    /** @return 32 units, rate 2e-3, batch 128, at most 50,000 training windows */
    public static LstmTrainer defaults() {
        return new LstmTrainer(32, 2e-3, 128, 50_000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("library", "deeplearning4j-nn 1.0.0-M2.1");
        m.put("layers", "LastTimeStep(LSTM(" + units + ", tanh)) -> Output(identity, H)");
        m.put("units", units);
        m.put("loss", "mean absolute error");
        m.put("updater", "adam");
        m.put("learningRate", learningRate);
        m.put("batchSize", batchSize);
        m.put("maxTrainWindows", maxTrainWindows);
        return m;
    }

    @Override
    public Regressor fit(TrainingSet data, TrainingListener listener) {
        int d = data.features().inputCount();
        int w = data.features().windowSteps();
        int h = data.options().horizon();
        int c = LstmRegressor.channels(d, w);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(data.options().seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(c).nOut(units).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR).nIn(units).nOut(h)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        TrainingSet.Part train = data.train();
        int n = train.size();
        int keep = Math.min(n, maxTrainWindows);
        int[] subset = new int[keep];
        for (int i = 0; i < keep; i++) {
            subset[i] = (int) ((long) i * n / keep);
        }
        Dl4jTraining.fit(net, data, keep, batchSize, new Dl4jTraining.Batcher() {
            @Override
            public INDArray inputs(int[] rows, int from, int to) {
                return LstmRegressor.sequences(train.inputs(), w, d, map(rows, subset, from, to), 0, to - from);
            }

            @Override
            public INDArray targets(int[] rows, int from, int to) {
                return MlpTrainer.gather(train.targets(), h, map(rows, subset, from, to), 0, to - from);
            }
        }, net1 -> ModelTraining.loss(new LstmRegressor(net1, w, d, h), data.validation()), listener);
        return new LstmRegressor(net, w, d, h);
    }

    private static int[] map(int[] rows, int[] subset, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = subset[rows[i]];
        }
        return out;
    }
}
