package org.ebbflow.predictor.learned;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings shared by every trainer: window, horizon, quantile, seed and the time splits. Each series is cut by time
 * (never shuffled across time): the last {@code holdout} fraction is dropped (kept for evaluation), of the rest the
 * first part trains, the next {@code calibration} fraction calibrates the upper bounds, the last {@code validation}
 * fraction validates (early stopping, the summary). Immutable; use {@link #defaults()} and the {@code with...}
 * methods.
 */
public final class TrainingOptions {
    /** Default seed of every random choice (Tribuo's {@code Trainer.DEFAULT_SEED}). */
    public static final long DEFAULT_SEED = 12345L;

    private final int windowSteps;
    private final int horizon;
    private final double quantile;
    private final long seed;
    private final double holdout;
    private final double calibration;
    private final double validation;
    private final int stride;
    private final int maxEpochs;
    private final int patience;
    private final int bins;
    private final String layout;
    private final int calibrationBlocks;
    private final boolean stepScaled;
    private final double balance;

    private TrainingOptions(int windowSteps, int horizon, double quantile, long seed, double holdout,
                            double calibration, double validation, int stride, int maxEpochs, int patience,
                            int bins, String layout, int calibrationBlocks, boolean stepScaled,
                            double balance) {
        if (windowSteps < 2 || horizon < 1 || stride < 1 || maxEpochs < 1 || patience < 1 || bins < 1) {
            throw new IllegalArgumentException("window >= 2, horizon, stride, epochs, patience and bins >= 1");
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1): " + quantile);
        }
        if (!(holdout >= 0 && holdout < 1) || !(calibration > 0) || !(validation > 0)
                || !(calibration + validation < 1)) {
            throw new IllegalArgumentException("need 0 <= holdout < 1, calibration > 0, validation > 0 and "
                    + "calibration + validation < 1");
        }
        this.windowSteps = windowSteps;
        this.horizon = horizon;
        this.quantile = quantile;
        this.seed = seed;
        this.holdout = holdout;
        this.calibration = calibration;
        this.validation = validation;
        this.stride = stride;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.bins = bins;
        this.layout = layout;
        this.calibrationBlocks = calibrationBlocks;
        this.stepScaled = stepScaled;
        if (!(balance >= 0 && balance <= 1)) {
            throw new IllegalArgumentException("source balance must be in [0, 1]: " + balance);
        }
        this.balance = balance;
    }

    /** @return W = 24, H = 12, q = 0.95, seed 12345, no hold-out, 15 % calibration, 15 % validation, stride 1 */
    public static TrainingOptions defaults() {
        return new TrainingOptions(24, 12, 0.95, DEFAULT_SEED, 0, 0.15, 0.15, 1, 30, 3, 6, WindowFeatures.LAGS, 1,
                false, 0);
    }

    /** @return these options with a window of W steps */
    public TrainingOptions withWindowSteps(int w) {
        return new TrainingOptions(w, horizon, quantile, seed, holdout, calibration, validation, stride, maxEpochs,
                patience, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options with horizon H */
    public TrainingOptions withHorizon(int h) {
        return new TrainingOptions(windowSteps, h, quantile, seed, holdout, calibration, validation, stride,
                maxEpochs, patience, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options with bounds at quantile q */
    public TrainingOptions withQuantile(double q) {
        return new TrainingOptions(windowSteps, horizon, q, seed, holdout, calibration, validation, stride,
                maxEpochs, patience, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options with a seed */
    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(windowSteps, horizon, quantile, s, holdout, calibration, validation, stride,
                maxEpochs, patience, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options dropping the last fraction of every series (kept for evaluation) */
    public TrainingOptions withHoldout(double fraction) {
        return new TrainingOptions(windowSteps, horizon, quantile, seed, fraction, calibration, validation, stride,
                maxEpochs, patience, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options with calibration and validation fractions */
    public TrainingOptions withSplits(double calibrationFraction, double validationFraction) {
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibrationFraction,
                validationFraction, stride, maxEpochs, patience, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options taking a training window every {@code s} steps */
    public TrainingOptions withStride(int s) {
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibration, validation, s,
                maxEpochs, patience, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options with at most {@code e} epochs and early stopping after {@code p} without progress */
    public TrainingOptions withEpochs(int e, int p) {
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibration, validation, stride, e,
                p, bins, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /** @return these options with {@code b} regime bins for the calibration */
    public TrainingOptions withBins(int b) {
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibration, validation, stride,
                maxEpochs, patience, b, layout,
                calibrationBlocks, stepScaled,
                balance);
    }

    /**
     * @param l the input layout, {@link WindowFeatures#LAGS} (the default) or {@link WindowFeatures#SHAPE}
     * @return these options with that layout
     */
    public TrainingOptions withLayout(String l) {
        WindowFeatures.of(Math.max(13, windowSteps), java.util.Collections.<String>emptyList(), l);
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibration, validation, stride,
                maxEpochs, patience, bins, l, calibrationBlocks, stepScaled,
                balance);
    }

    /**
     * @param blocks how many consecutive time blocks the calibration part of every source is cut into, at least 1;
     *               each block counts as a source of its own in {@link Calibration} (the bound is set by the block
     *               that needs most: robust to drift within the series, not only across sources)
     * @return these options with that many blocks
     */
    public TrainingOptions withCalibrationBlocks(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("calibration blocks must be at least 1: " + blocks);
        }
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibration, validation, stride,
                maxEpochs, patience, bins, layout, blocks, stepScaled, balance);
    }

    /**
     * @param scaled true to calibrate the bounds in units of each window's h-step spread
     *               ({@link WindowFeatures#stepRatios}, {@link Calibration#stepScaled()})
     * @return these options with or without h-step scales
     */
    public TrainingOptions withStepScales(boolean scaled) {
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibration, validation, stride,
                maxEpochs, patience, bins, layout, calibrationBlocks, scaled, balance);
    }

    /**
     * @param b how far to even out the data sources' shares of each training epoch and of the validation loss, in
     *          [0, 1]: source s gets a share proportional to {@code n_s^(1 - b)} of its {@code n_s} training
     *          windows; 0 weighs every window alike (a source with 200 series counts 200 times one with one), 1
     *          gives every source the same share, 0.5 shares by the square root of the windows
     * @return these options with that balance
     */
    public TrainingOptions withSourceBalance(double b) {
        return new TrainingOptions(windowSteps, horizon, quantile, seed, holdout, calibration, validation, stride,
                maxEpochs, patience, bins, layout, calibrationBlocks, stepScaled, b);
    }

    /** @return how far the sources' shares are evened out, 0 (by windows) to 1 (equal) */
    public double sourceBalance() {
        return balance;
    }

    /**
     * @param windows training windows per source
     * @return each source's share of an epoch and of the validation loss under {@link #sourceBalance()} (0 for a
     *         source without windows); the shares sum to 1
     */
    public double[] sourceShares(int[] windows) {
        double[] share = new double[windows.length];
        double total = 0;
        for (int s = 0; s < windows.length; s++) {
            share[s] = windows[s] > 0 ? Math.pow(windows[s], 1 - balance) : 0;
            total += share[s];
        }
        for (int s = 0; s < share.length; s++) {
            share[s] = total > 0 ? share[s] / total : 0;
        }
        return share;
    }

    /** @return true if the bounds are calibrated in units of each window's h-step spread */
    public boolean stepScaled() {
        return stepScaled;
    }

    /** @return the input layout of {@link WindowFeatures} */
    public String layout() {
        return layout;
    }

    /** @return the time blocks per source of the calibration part */
    public int calibrationBlocks() {
        return calibrationBlocks;
    }

    /** @return W, steps of history per window */
    public int windowSteps() {
        return windowSteps;
    }

    /** @return H, steps forecast */
    public int horizon() {
        return horizon;
    }

    /** @return q, the level of the upper bounds */
    public double quantile() {
        return quantile;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the fraction of every series held out at its end */
    public double holdout() {
        return holdout;
    }

    /** @return the calibration fraction of what is not held out */
    public double calibration() {
        return calibration;
    }

    /** @return the validation fraction of what is not held out */
    public double validation() {
        return validation;
    }

    /** @return steps between training windows */
    public int stride() {
        return stride;
    }

    /** @return the most epochs an iterative trainer runs */
    public int maxEpochs() {
        return maxEpochs;
    }

    /** @return epochs without a better validation loss before an iterative trainer stops */
    public int patience() {
        return patience;
    }

    /** @return regime bins of the calibration */
    public int bins() {
        return bins;
    }

    /** @return the JSON-able settings */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windowSteps", windowSteps);
        m.put("horizon", horizon);
        m.put("quantile", quantile);
        m.put("holdout", holdout);
        m.put("calibration", calibration);
        m.put("validation", validation);
        m.put("stride", stride);
        m.put("maxEpochs", maxEpochs);
        m.put("patience", patience);
        m.put("calibrationBins", bins);
        m.put("calibrationBlocks", calibrationBlocks);
        m.put("layout", layout);
        m.put("stepScales", stepScaled);
        m.put("sourceBalance", balance);
        return m;
    }
}
