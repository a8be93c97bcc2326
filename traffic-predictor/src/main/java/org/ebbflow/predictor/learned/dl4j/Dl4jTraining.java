package org.ebbflow.predictor.learned.dl4j;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ebbflow.predictor.learned.TrainingListener;
import org.ebbflow.predictor.learned.TrainingOptions;
import org.ebbflow.predictor.learned.TrainingSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch loop shared by the DL4J trainers: minibatches in a seeded shuffled order within the training part (the
 * split itself is by time; shuffling windows of the training part does not leak the future), validation loss after
 * every epoch, early stopping with patience, and the best epoch's parameters restored at the end.
 */
final class Dl4jTraining {
    private static final Logger LOG = LoggerFactory.getLogger(Dl4jTraining.class);

    /** Builds the inputs of a minibatch. */
    interface Batcher {
        /** @return the network input for rows {@code rows[from, to)} of the training part */
        INDArray inputs(int[] rows, int from, int to);

        /** @return the targets for those rows */
        INDArray targets(int[] rows, int from, int to);
    }

    /** Measures the validation loss of the network as it is now. */
    interface Validator {
        double loss(MultiLayerNetwork net);
    }

    private Dl4jTraining() {
    }

    /**
     * Trains and leaves the best epoch's parameters in the network.
     *
     * @param n training windows; the batcher is given row numbers in [0, n)
     */
    static void fit(MultiLayerNetwork net, TrainingSet data, int n, int batchSize, Batcher batcher,
                    Validator validator, TrainingListener listener) {
        TrainingOptions o = data.options();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(o.seed());
        double best = Double.POSITIVE_INFINITY;
        INDArray bestParams = net.params().dup();
        int sinceBest = 0;
        int batches = (n + batchSize - 1) / batchSize;
        boolean validate = data.validation().size() > 0;
        int[][] bySource = o.sourceBalance() > 0 && n == data.train().size() ? bySource(data.train(),
                data.sources().size()) : null;
        int[] perEpoch = bySource == null ? null : drawsPerSource(n, bySource, o);
        for (int epoch = 1; epoch <= o.maxEpochs(); epoch++) {
            if (bySource != null) {
                balancedDraw(order, bySource, perEpoch, random);
            } else {
                shuffle(order, random);
            }
            listener.phaseStarted("epoch " + epoch + "/" + o.maxEpochs(), batches);
            double trainLoss = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int to = Math.min(n, from + batchSize);
                net.fit(new DataSet(batcher.inputs(order, from, to), batcher.targets(order, from, to)));
                trainLoss += net.score() * (to - from);
                listener.progress(b + 1);
            }
            trainLoss /= n;
            double val = validate ? validator.loss(net) : trainLoss;
            listener.phaseEnded(String.format("training objective %.4f, validation MAE %.4f", trainLoss, val));
            LOG.info("epoch {}: train loss {}, validation loss {}", epoch, trainLoss, val);
            if (val < best - 1e-5) {
                best = val;
                bestParams = net.params().dup();
                sinceBest = 0;
            } else if (++sinceBest >= o.patience()) {
                LOG.info("early stop after epoch {}: no better validation loss for {} epochs", epoch, sinceBest);
                break;
            }
        }
        net.setParams(bestParams);
    }

    /** @return the training rows of each source that has any */
    static int[][] bySource(TrainingSet.Part train, int sources) {
        int[] count = new int[sources];
        for (int i = 0; i < train.size(); i++) {
            count[train.source(i)]++;
        }
        int nonEmpty = 0;
        for (int c : count) {
            nonEmpty += c > 0 ? 1 : 0;
        }
        int[][] rows = new int[nonEmpty][];
        int[] slot = new int[sources];
        int k = 0;
        for (int s = 0; s < sources; s++) {
            slot[s] = count[s] > 0 ? k++ : -1;
            if (count[s] > 0) {
                rows[slot[s]] = new int[count[s]];
            }
        }
        int[] at = new int[nonEmpty];
        for (int i = 0; i < train.size(); i++) {
            int j = slot[train.source(i)];
            rows[j][at[j]++] = i;
        }
        return rows;
    }

    /** @return how many of an epoch's {@code n} rows each (non-empty) source gets under the options' balance */
    static int[] drawsPerSource(int n, int[][] bySource, TrainingOptions o) {
        int[] windows = new int[bySource.length];
        for (int s = 0; s < windows.length; s++) {
            windows[s] = bySource[s].length;
        }
        double[] share = o.sourceShares(windows);
        int[] draws = new int[windows.length];
        int given = 0;
        for (int s = 0; s < draws.length; s++) {
            draws[s] = (int) Math.floor(share[s] * n);
            given += draws[s];
        }
        for (int s = 0; given < n; s = (s + 1) % draws.length) {
            draws[s]++;
            given++;
        }
        return draws;
    }

    /**
     * Fills an epoch's order with {@code draws[s]} rows of each source s, each drawn uniformly with replacement
     * within its source, then shuffles it.
     */
    static void balancedDraw(int[] order, int[][] bySource, int[] draws, SplittableRandom r) {
        int i = 0;
        for (int s = 0; s < bySource.length; s++) {
            int[] rows = bySource[s];
            for (int k = 0; k < draws[s]; k++) {
                order[i++] = rows[r.nextInt(rows.length)];
            }
        }
        shuffle(order, r);
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
