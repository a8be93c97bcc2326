package org.ebbflow.predictor.learned.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Loss of a network with a mean head and a quantile head: outputs {@code [0, H)} are fitted with the absolute error
 * (their optimum is the median), outputs {@code [H, 2H)} with the pinball loss at level q (their optimum is the
 * q-quantile): {@code q (y - o)} if {@code y > o}, else {@code (1 - q)(o - y)}. Averaged over the 2H outputs. The
 * targets are the H normalised values twice. Used in training only; never serialised into a model file.
 */
public final class MedianQuantileLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    private final int horizon;
    private final double level;

    /**
     * @param horizon H
     * @param level q of the quantile head, in (0, 1)
     */
    public MedianQuantileLoss(int horizon, double level) {
        this.horizon = horizon;
        this.level = level;
    }

    /** @return H */
    public int getHorizon() {
        return horizon;
    }

    /** @return q */
    public double getLevel() {
        return level;
    }

    /** @return per output, the weight of an over-forecast (output above the target) */
    private INDArray over(INDArray like) {
        double[] w = new double[2 * horizon];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < horizon ? 1 : 1 - level;
        }
        return Nd4j.create(w, new long[] {1, w.length}, like.dataType());
    }

    /** @return per output, the weight of an under-forecast (output below the target) */
    private INDArray under(INDArray like) {
        double[] w = new double[2 * horizon];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < horizon ? 1 : level;
        }
        return Nd4j.create(w, new long[] {1, w.length}, like.dataType());
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = activationFn.getActivation(preOutput.dup(), true);
        INDArray diff = out.sub(labels.castTo(out.dataType()));
        INDArray pos = diff.gt(0).castTo(diff.dataType()).muli(diff).muliRowVector(over(diff));
        INDArray neg = diff.lt(0).castTo(diff.dataType()).muli(diff).negi().muliRowVector(under(diff));
        INDArray score = pos.addi(neg).sum(true, 1).divi(2 * horizon);
        if (mask != null) {
            score.muli(mask.castTo(score.dataType()).reshape(score.shape()));
        }
        return score;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = activationFn.getActivation(preOutput.dup(), true);
        INDArray diff = out.sub(labels.castTo(out.dataType()));
        INDArray grad = diff.gt(0).castTo(diff.dataType()).muliRowVector(over(diff))
                .subi(diff.lt(0).castTo(diff.dataType()).muliRowVector(under(diff)))
                .divi(2 * horizon);
        if (mask != null) {
            grad.muliColumnVector(mask.castTo(grad.dataType()).reshape(grad.size(0), 1));
        }
        return activationFn.backprop(preOutput.dup(), grad).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask,
                                                          boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "MedianQuantileLoss(H=" + horizon + ", q=" + level + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
