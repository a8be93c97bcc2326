package org.ebbflow.predictor.eval;

import java.util.Locale;
import java.util.Objects;

/**
 * The accuracy of one predictor over the scored values of an evaluation, overall and per step ahead. Errors are
 * {@code forecast mean - actual}, in the series' unit (bit/s for traffic). Immutable.
 *
 * <ul>
 *   <li>{@code mae}: mean |error|; {@code rmse}: the root of the mean squared error;</li>
 *   <li>{@code nmae}: Σ|error| / Σ|actual| over all series and steps (NaN if every actual is 0);</li>
 *   <li>{@code coverage}: the share of actuals at or below the upper bound;</li>
 *   <li>{@code excess}: mean(upper - actual) / mean(actual), how much capacity the bound holds back beyond what
 *       came, relative to the traffic (NaN if the mean actual is 0).</li>
 * </ul>
 * Every figure is NaN when nothing was scored.
 */
public final class Metrics {
    private final String name;
    private final Sums total;
    private final Sums[] perStep;

    Metrics(String name, Sums total, Sums[] perStep) {
        this.name = Objects.requireNonNull(name, "name");
        this.total = total.copy();
        this.perStep = new Sums[perStep.length];
        for (int h = 0; h < perStep.length; h++) {
            this.perStep[h] = perStep[h].copy();
        }
    }

    /** @return the predictor's name */
    public String name() {
        return name;
    }

    /** @return the number of steps ahead scored */
    public int horizon() {
        return perStep.length;
    }

    /** @return the number of values scored, all steps ahead */
    public long count() {
        return total.n;
    }

    /** @return mean absolute error, series unit */
    public double mae() {
        return total.mae();
    }

    /** @return root mean squared error, series unit */
    public double rmse() {
        return total.rmse();
    }

    /** @return Σ|error| / Σ|actual| */
    public double nmae() {
        return total.nmae();
    }

    /** @return share of actuals at or below the upper bound, in [0, 1] */
    public double coverage() {
        return total.coverage();
    }

    /** @return mean(upper - actual) / mean(actual) */
    public double excess() {
        return total.excess();
    }

    /** @return the MAE of step {@code h} ahead (1..H) */
    public double mae(int h) {
        return step(h).mae();
    }

    /** @return the RMSE of step {@code h} ahead (1..H) */
    public double rmse(int h) {
        return step(h).rmse();
    }

    /** @return the NMAE of step {@code h} ahead (1..H) */
    public double nmae(int h) {
        return step(h).nmae();
    }

    /** @return the coverage of step {@code h} ahead (1..H) */
    public double coverage(int h) {
        return step(h).coverage();
    }

    /** @return the excess of step {@code h} ahead (1..H) */
    public double excess(int h) {
        return step(h).excess();
    }

    private Sums step(int h) {
        if (h < 1 || h > perStep.length) {
            throw new IndexOutOfBoundsException("step " + h + " of 1.." + perStep.length);
        }
        return perStep[h - 1];
    }

    /**
     * @param reference the metrics of the reference (persistence) on the same values
     * @return {@code 1 - nmae / reference nmae}: 0.2 means 20% less absolute error than the reference
     */
    public double skillVs(Metrics reference) {
        return 1 - nmae() / reference.nmae();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: n=%d mae=%.4g rmse=%.4g nmae=%.4f coverage=%.4f excess=%.4f",
                name, count(), mae(), rmse(), nmae(), coverage(), excess());
    }

    /** Running sums of one predictor for one step ahead or all. */
    static final class Sums {
        long n;
        double absError;
        double squaredError;
        double absActual;
        double actual;
        double upper;
        long covered;

        void add(double actualValue, double mean, double upperBound) {
            double e = mean - actualValue;
            n++;
            absError += Math.abs(e);
            squaredError += e * e;
            absActual += Math.abs(actualValue);
            actual += actualValue;
            upper += upperBound;
            if (actualValue <= upperBound) {
                covered++;
            }
        }

        Sums copy() {
            Sums s = new Sums();
            s.n = n;
            s.absError = absError;
            s.squaredError = squaredError;
            s.absActual = absActual;
            s.actual = actual;
            s.upper = upper;
            s.covered = covered;
            return s;
        }

        double mae() {
            return n == 0 ? Double.NaN : absError / n;
        }

        double rmse() {
            return n == 0 ? Double.NaN : Math.sqrt(squaredError / n);
        }

        double nmae() {
            return n == 0 || absActual == 0 ? Double.NaN : absError / absActual;
        }

        double coverage() {
            return n == 0 ? Double.NaN : covered / (double) n;
        }

        double excess() {
            return n == 0 || actual == 0 ? Double.NaN : (upper - actual) / actual;
        }
    }
}
