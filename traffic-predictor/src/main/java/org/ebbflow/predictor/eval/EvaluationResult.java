package org.ebbflow.predictor.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an {@link Evaluator} run measured: per predictor {@link Metrics} on the same values, and the counts of what was
 * scored and skipped. Immutable.
 */
public final class EvaluationResult {
    private final int horizon;
    private final long stepMillis;
    private final int series;
    private final int seriesWithoutPoints;
    private final long points;
    private final long scored;
    private final long skippedNaNActual;
    private final long skippedNoForecast;
    private final List<Metrics> metrics;

    EvaluationResult(int horizon, long stepMillis, int series, int seriesWithoutPoints, long points, long scored,
                     long skippedNaNActual, long skippedNoForecast, List<Metrics> metrics) {
        this.horizon = horizon;
        this.stepMillis = stepMillis;
        this.series = series;
        this.seriesWithoutPoints = seriesWithoutPoints;
        this.points = points;
        this.scored = scored;
        this.skippedNaNActual = skippedNaNActual;
        this.skippedNoForecast = skippedNoForecast;
        this.metrics = Collections.unmodifiableList(new ArrayList<>(metrics));
    }

    /** @return H, the steps ahead scored */
    public int horizon() {
        return horizon;
    }

    /** @return the series' step in milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the number of series given */
    public int series() {
        return series;
    }

    /** @return the number of series too short to have a forecast point in their evaluation part */
    public int seriesWithoutPoints() {
        return seriesWithoutPoints;
    }

    /** @return the number of forecast points: (series, origin) pairs, each forecast H steps ahead */
    public long points() {
        return points;
    }

    /** @return the number of (point, step ahead) values scored for every predictor */
    public long scored() {
        return scored;
    }

    /** @return the number of (point, step ahead) values skipped because the actual was NaN (unobserved) */
    public long skippedNaNActual() {
        return skippedNaNActual;
    }

    /** @return the number skipped because some predictor had no forecast (NaN mean: no data in its window) */
    public long skippedNoForecast() {
        return skippedNoForecast;
    }

    /** @return the metrics of every predictor, in the order given to the evaluator */
    public List<Metrics> metrics() {
        return metrics;
    }

    /**
     * @return the metrics of the predictor of that name
     * @throws IllegalArgumentException if none was evaluated under it
     */
    public Metrics metrics(String name) {
        for (Metrics m : metrics) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no predictor '" + name + "' in this evaluation");
    }

    @Override
    public String toString() {
        return "EvaluationResult{H=" + horizon + ", series=" + series + ", points=" + points + ", scored=" + scored
                + ", " + metrics + "}";
    }
}
