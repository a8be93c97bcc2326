package org.ebbflow.predictor;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a predictor expects for a batch of series over steps 1..H after the last observed step: a mean and an upper
 * bound at a stated quantile, in bits per second, per series and step ahead. The planner sleeps and wakes from the
 * upper bounds, so a forecast says how far it can be trusted, not only what is likely.
 *
 * <p>Values are laid out series-major ({@code b * horizon + h}, h = 0 for one step ahead). Immutable.
 */
public final class Forecast {
    private final String predictor;
    private final int batch;
    private final int horizon;
    private final double quantile;
    private final long stepMillis;
    private final float[] mean;
    private final float[] upper;

    private Forecast(String predictor, int batch, int horizon, double quantile, long stepMillis, float[] mean,
                     float[] upper) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        if (batch < 0 || horizon < 1 || mean.length != batch * horizon || upper.length != mean.length) {
            throw new IllegalArgumentException("forecast arrays must hold batch x horizon = " + batch + " x "
                    + horizon + " values");
        }
        if (!(quantile > 0 && quantile < 1) || stepMillis <= 0) {
            throw new IllegalArgumentException("quantile must be in (0,1) and step positive");
        }
        for (int i = 0; i < mean.length; i++) {
            if (!(upper[i] >= mean[i]) && !(Float.isNaN(mean[i]) && Float.isNaN(upper[i]))) {
                throw new IllegalArgumentException("upper bound below the mean at " + i + ": " + upper[i] + " < "
                        + mean[i]);
            }
        }
        this.batch = batch;
        this.horizon = horizon;
        this.quantile = quantile;
        this.stepMillis = stepMillis;
        this.mean = mean;
        this.upper = upper;
    }

    /**
     * @param predictor the name of the predictor that made it
     * @param batch number of series
     * @param horizon steps ahead, at least 1
     * @param quantile the level of the upper bound, in (0, 1), e.g. 0.95
     * @param stepMillis the step length in milliseconds
     * @param meanBps means, series-major, copied; NaN where the predictor had no data
     * @param upperBps upper bounds, series-major, copied; each at least its mean (NaN together with it)
     * @throws IllegalArgumentException if shapes disagree or an upper bound is below its mean
     */
    public static Forecast of(String predictor, int batch, int horizon, double quantile, long stepMillis,
                              float[] meanBps, float[] upperBps) {
        return new Forecast(predictor, batch, horizon, quantile, stepMillis, meanBps.clone(), upperBps.clone());
    }

    /** @return the name of the predictor that made this forecast */
    public String predictor() {
        return predictor;
    }

    /** @return the number of series */
    public int batch() {
        return batch;
    }

    /** @return the number of steps ahead */
    public int horizon() {
        return horizon;
    }

    /** @return the quantile of the upper bounds, e.g. 0.95 */
    public double quantile() {
        return quantile;
    }

    /** @return the step length in milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the expected rate of series {@code b} at step {@code h + 1} ahead, bits per second */
    public float mean(int b, int h) {
        return mean[index(b, h)];
    }

    /** @return the upper bound of series {@code b} at step {@code h + 1} ahead, bits per second */
    public float upper(int b, int h) {
        return upper[index(b, h)];
    }

    /** @return the largest upper bound of series {@code b} over the whole horizon (NaN only if all are NaN) */
    public float maxUpper(int b) {
        float max = Float.NaN;
        for (int h = 0; h < horizon; h++) {
            float v = upper[index(b, h)];
            if (!Float.isNaN(v) && (Float.isNaN(max) || v > max)) {
                max = v;
            }
        }
        return max;
    }

    /** @return a copy of the means, series-major */
    public float[] means() {
        return mean.clone();
    }

    /** @return a copy of the upper bounds, series-major */
    public float[] upperBounds() {
        return upper.clone();
    }

    private int index(int b, int h) {
        if (b < 0 || b >= batch || h < 0 || h >= horizon) {
            throw new IndexOutOfBoundsException("series " + b + " step " + h + " of " + batch + " x " + horizon);
        }
        return b * horizon + h;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Forecast)) {
            return false;
        }
        Forecast f = (Forecast) o;
        return predictor.equals(f.predictor) && batch == f.batch && horizon == f.horizon && quantile == f.quantile
                && stepMillis == f.stepMillis && Arrays.equals(mean, f.mean) && Arrays.equals(upper, f.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(predictor, batch, horizon, quantile, stepMillis) * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "Forecast{" + predictor + ", " + batch + " series x " + horizon + " steps of " + stepMillis
                + " ms, q=" + quantile + "}";
    }
}
