package org.ebbflow.predictor.learned.tribuo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.ebbflow.predictor.learned.Regressor;
import org.ebbflow.predictor.learned.Trainer;
import org.ebbflow.predictor.learned.TrainingListener;
import org.ebbflow.predictor.learned.TrainingSet;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Tribuo regression on the window's normalised lag features ({@link org.ebbflow.predictor.learned.WindowFeatures}),
 * direct multi-output (one output dimension per step 1..H): linear SGD (absolute loss, AdaGrad; Tribuo fits all
 * dimensions in one weight matrix), XGBoost (pseudo-Huber loss, robust like NMAE; one booster per step) and CART
 * (one tree per step). Training windows are thinned evenly to a cap per model (XGBoost and CART grow super-linearly,
 * dependencies.md §4). Deterministic for a seed.
 */
public final class TribuoTrainer implements Trainer {
    /** Linear SGD. */
    public static final String LINEAR = "linear";
    /** XGBoost. */
    public static final String XGBOOST = "xgboost";
    /** CART. */
    public static final String CART = "cart";

    private final String name;
    private final int maxTrainWindows;
    private final int epochsOrTrees;
    private final int depth;

    private TribuoTrainer(String name, int maxTrainWindows, int epochsOrTrees, int depth) {
        this.name = name;
        this.maxTrainWindows = maxTrainWindows;
        this.epochsOrTrees = epochsOrTrees;
        this.depth = depth;
    }

    /** @return linear SGD, absolute loss, AdaGrad(0.1), 10 epochs, at most 300,000 windows */
    public static TribuoTrainer linear() {
        return new TribuoTrainer(LINEAR, 300_000, 10, 0);
    }

    /** @return XGBoost, 100 trees of depth 6, pseudo-Huber, at most 50,000 windows */
    public static TribuoTrainer xgboost() {
        return new TribuoTrainer(XGBOOST, 50_000, 100, 6);
    }

    /** @return CART of depth 8, at most 5,000 windows */
    public static TribuoTrainer cart() {
        return new TribuoTrainer(CART, 5_000, 0, 8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("library", "tribuo 4.3.2");
        m.put("maxTrainWindows", maxTrainWindows);
        switch (name) {
            case LINEAR:
                m.put("trainer", "LinearSGDTrainer");
                m.put("objective", "AbsoluteLoss");
                m.put("optimiser", "AdaGrad(0.1, 0.1)");
                m.put("epochs", epochsOrTrees);
                break;
            case XGBOOST:
                m.put("trainer", "XGBoostRegressionTrainer");
                m.put("objective", "reg:pseudohubererror");
                m.put("trees", epochsOrTrees);
                m.put("maxDepth", depth);
                m.put("eta", 0.3);
                m.put("threads", 1);
                break;
            default:
                m.put("trainer", "CARTRegressionTrainer");
                m.put("maxDepth", depth);
                break;
        }
        return m;
    }

    @Override
    public Regressor fit(TrainingSet data, TrainingListener listener) {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        TrainingSet.Part train = data.train();
        int d = train.inputCount();
        int h = train.horizon();
        int n = train.size();
        int keep = Math.min(n, maxTrainWindows);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<org.tribuo.regression.Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("ebbflow windows: " + String.join(" + ", data.sources()), factory),
                factory);
        String[] features = TribuoRegressor.featureNames(d);
        String[] dims = new String[h];
        for (int k = 0; k < h; k++) {
            dims[k] = TribuoRegressor.dimensionName(k);
        }
        listener.phaseStarted(name + ": examples", keep);
        double[] y = new double[h];
        for (int i = 0; i < keep; i++) {
            int r = (int) ((long) i * n / keep);
            for (int k = 0; k < h; k++) {
                y[k] = train.targets()[r * h + k];
            }
            dataset.add(TribuoRegressor.example(train.inputs(), r, d, features,
                    new org.tribuo.regression.Regressor(dims, y.clone())));
            if ((i & 4095) == 0) {
                listener.progress(i);
            }
        }
        listener.progress(keep);
        listener.phaseEnded(keep + " windows");
        listener.phaseStarted(name + ": fit", 1);
        Model<org.tribuo.regression.Regressor> model = trainer(data.options().seed()).train(dataset);
        listener.progress(1);
        listener.phaseEnded("done");
        return new TribuoRegressor(model, name, d, h);
    }

    private org.tribuo.Trainer<org.tribuo.regression.Regressor> trainer(long seed) {
        switch (name) {
            case LINEAR:
                return new LinearSGDTrainer(new AbsoluteLoss(), new AdaGrad(0.1, 0.1), epochsOrTrees,
                        Integer.MAX_VALUE, 1, seed);
            case XGBOOST:
                return new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.PSEUDOHUBER,
                        epochsOrTrees, 0.3, 0, depth, 1, 1, 1, 1, 0, 1, true, seed);
            default:
                return new CARTRegressionTrainer(depth, 5f, 0f, 1f, false,
                        new org.tribuo.regression.rtree.impurity.MeanSquaredError(), seed);
        }
    }
}
