package org.ebbflow.predictor.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.flowstats.features.MissingPolicy;
import org.ebbflow.flowstats.features.SeriesFeatures;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.TrafficPredictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores predictors on series by rolling-origin forecasting over the last part in time of each series, every
 * predictor on the same values. Immutable and thread-safe (each call has its own state).
 *
 * <p><b>Points.</b> For a series of {@code n} steps, the evaluation part is its last {@code floor(n × fraction)}
 * steps (default 20%; never shuffled). Every step {@code e} of that part with {@code e + H <= n} is a forecast
 * origin: the predictor sees the window that ends just before step {@code e} (as its {@link FeatureSpec} asks,
 * built with {@link SeriesFeatures}, lags included; history before the evaluation part is used as input, never
 * scored) and forecasts steps {@code e .. e + H - 1}. A (series, origin) pair is a <i>point</i>.
 *
 * <p><b>Scoring.</b> Step {@code h} of a point is scored for every predictor if its actual value is observed and
 * every predictor gave a mean for it; otherwise it is skipped for all and counted
 * ({@link EvaluationResult#skippedNaNActual()}, {@link EvaluationResult#skippedNoForecast()}). Predictors with a
 * longer horizon than H are scored on their first H steps.
 *
 * <p><b>Batches.</b> Points are forecast in batches of up to {@code batchSize} windows per
 * {@link TrafficPredictor#forecast} call, across series. Windows keep NaN for unobserved steps
 * ({@link MissingPolicy#KEEP_NAN}) unless another policy is set.
 *
 * <p><b>Steps.</b> All series must share one step. A predictor whose {@link FeatureSpec} records another step gets
 * windows of the same features, length and lags at the series' step: a step-free model (one that normalises each
 * window) applies as it is; one that is not rejects the window itself ({@link TrafficPredictor#forecast} throws).
 *
 * <p><b>Time.</b> Each series is placed on its step's grid from the epoch: a start that is not a multiple of the
 * step is floored to one (it moves the time encodings by less than a step and changes nothing else).
 */
public final class Evaluator {
    /** The default share of each series, at its end, that is evaluated. */
    public static final double DEFAULT_EVAL_FRACTION = 0.2;
    /** The default number of windows per forecast call. */
    public static final int DEFAULT_BATCH_SIZE = 4096;

    private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

    private final int horizon;
    private final double evalFraction;
    private final int batchSize;
    private final MissingPolicy policy;

    private Evaluator(Builder b) {
        if (b.horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1: " + b.horizon);
        }
        if (!(b.evalFraction > 0 && b.evalFraction <= 1)) {
            throw new IllegalArgumentException("evaluation fraction must be in (0, 1]: " + b.evalFraction);
        }
        if (b.batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + b.batchSize);
        }
        this.horizon = b.horizon;
        this.evalFraction = b.evalFraction;
        this.batchSize = b.batchSize;
        this.policy = Objects.requireNonNull(b.policy, "policy");
    }

    /** @param horizon H, the steps ahead to score, at least 1 */
    public static Builder builder(int horizon) {
        return new Builder(horizon);
    }

    /** @return H */
    public int horizon() {
        return horizon;
    }

    /** @return the share of each series, at its end, that is evaluated */
    public double evalFraction() {
        return evalFraction;
    }

    /** @return the first step of the evaluation part of a series of {@code length} steps */
    public int evalStart(int length) {
        return length - (int) Math.floor(length * evalFraction);
    }

    /** @return the number of points of a series of {@code length} steps */
    public int pointCount(int length) {
        int first = Math.max(1, evalStart(length));
        int last = length - horizon;
        return last < first ? 0 : last - first + 1;
    }

    /** @see #evaluate(List, List, EvaluationListener) */
    public EvaluationResult evaluate(List<TrafficPredictor> predictors, List<TimeSeries> series) {
        return evaluate(predictors, series, EvaluationListener.NONE);
    }

    /**
     * @param predictors at least one, distinct names, each with a horizon of at least H
     * @param series at least one, all of one step
     * @param listener hears the number of points and the progress
     * @return the metrics of every predictor, in the given order
     * @throws IllegalArgumentException if the lists are empty, names repeat, the series' steps differ, a horizon is
     *     short, or a predictor rejects windows of the series' step
     */
    public EvaluationResult evaluate(List<TrafficPredictor> predictors, List<TimeSeries> series,
                                     EvaluationListener listener) {
        long step = check(predictors, series);
        int np = predictors.size();
        Metrics.Sums[] total = new Metrics.Sums[np];
        Metrics.Sums[][] perStep = new Metrics.Sums[np][horizon];
        for (int p = 0; p < np; p++) {
            total[p] = new Metrics.Sums();
            for (int h = 0; h < horizon; h++) {
                perStep[p][h] = new Metrics.Sums();
            }
        }
        long points = 0;
        int without = 0;
        for (TimeSeries s : series) {
            int n = pointCount(s.length());
            points += n;
            without += n == 0 ? 1 : 0;
        }
        if (without > 0) {
            log.warn("{} of {} series are too short for a point at horizon {} in their last {}%", without,
                    series.size(), horizon, Math.round(evalFraction * 100));
        }
        listener.started(points);
        Run run = new Run(predictors, series, total, perStep);
        for (int i = 0; i < series.size(); i++) {
            TimeSeries s = series.get(i);
            int first = Math.max(1, evalStart(s.length()));
            for (int e = first; e <= s.length() - horizon; e++) {
                run.add(i, e);
                if (run.size == batchSize) {
                    run.flush();
                    listener.progressed(run.done);
                }
            }
        }
        run.flush();
        listener.progressed(run.done);
        List<Metrics> metrics = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            metrics.add(new Metrics(predictors.get(p).name(), total[p], perStep[p]));
        }
        EvaluationResult r = new EvaluationResult(horizon, step, series.size(), without, points, run.scored,
                run.skippedNaN, run.skippedNoForecast, metrics);
        log.info("{}", r);
        return r;
    }

    private long check(List<TrafficPredictor> predictors, List<TimeSeries> series) {
        if (predictors.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: " + predictors.size() + " predictors, "
                    + series.size() + " series");
        }
        Set<String> names = new HashSet<>();
        for (TrafficPredictor p : predictors) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two predictors named '" + p.name() + "'");
            }
            if (p.horizon() < horizon) {
                throw new IllegalArgumentException(p.name() + " forecasts " + p.horizon() + " steps ahead, fewer than"
                        + " the horizon " + horizon);
            }
        }
        long step = series.get(0).stepMillis();
        for (TimeSeries s : series) {
            if (s.stepMillis() != step) {
                throw new IllegalArgumentException("series of different steps: " + series.get(0) + " and " + s
                        + "; evaluate them separately");
            }
        }
        for (TrafficPredictor p : predictors) {
            if (p.featureSpec().stepMillis() != step) {
                log.info("{} was made for a step of {} ms; it gets windows of the series' step, {} ms", p.name(),
                        p.featureSpec().stepMillis(), step);
            }
        }
        return step;
    }

    /** @return the spec itself if it has this step, else the same features, window, lags and zone at this step */
    static FeatureSpec atStep(FeatureSpec spec, long stepMillis) {
        if (spec.stepMillis() == stepMillis) {
            return spec;
        }
        return FeatureSpec.builder(spec.windowSteps(), stepMillis).features(spec.features()).lags(spec.lagSteps())
                .zone(spec.zone()).build();
    }

    /** The state of one evaluation: the batch being filled and the running counts. */
    private final class Run {
        private final List<TrafficPredictor> predictors;
        private final List<TimeSeries> series;
        private final Metrics.Sums[] total;
        private final Metrics.Sums[][] perStep;
        private final int[] seriesOf = new int[batchSize];
        private final int[] originOf = new int[batchSize];
        private final Map<Integer, double[]> values = new HashMap<>();
        private int size;
        private long done;
        private long scored;
        private long skippedNaN;
        private long skippedNoForecast;

        Run(List<TrafficPredictor> predictors, List<TimeSeries> series, Metrics.Sums[] total,
            Metrics.Sums[][] perStep) {
            this.predictors = predictors;
            this.series = series;
            this.total = total;
            this.perStep = perStep;
        }

        void add(int s, int origin) {
            seriesOf[size] = s;
            originOf[size] = origin;
            size++;
        }

        void flush() {
            if (size == 0) {
                return;
            }
            values.clear();
            for (int i = 0; i < size; i++) {
                values.computeIfAbsent(seriesOf[i], k -> series.get(k).values());
            }
            Forecast[] f = new Forecast[predictors.size()];
            for (int p = 0; p < f.length; p++) {
                TrafficPredictor pred = predictors.get(p);
                f[p] = pred.forecast(windows(atStep(pred.featureSpec(), series.get(seriesOf[0]).stepMillis())));
                if (f[p].batch() != size || f[p].horizon() < horizon) {
                    throw new IllegalStateException(pred.name() + " returned " + f[p].batch() + " x "
                            + f[p].horizon() + " forecasts for " + size + " windows x " + horizon + " steps");
                }
            }
            for (int i = 0; i < size; i++) {
                double[] v = values.get(seriesOf[i]);
                for (int h = 0; h < horizon; h++) {
                    double actual = v[originOf[i] + h];
                    if (Double.isNaN(actual)) {
                        skippedNaN++;
                        continue;
                    }
                    boolean all = true;
                    for (Forecast fc : f) {
                        all &= !Float.isNaN(fc.mean(i, h));
                    }
                    if (!all) {
                        skippedNoForecast++;
                        continue;
                    }
                    scored++;
                    for (int p = 0; p < f.length; p++) {
                        double m = f[p].mean(i, h);
                        double u = f[p].upper(i, h);
                        total[p].add(actual, m, u);
                        perStep[p][h].add(actual, m, u);
                    }
                }
            }
            done += size;
            size = 0;
        }

        /** @return the windows of the batch's points for one spec, in point order */
        private FeatureWindow windows(FeatureSpec spec) {
            List<FeatureWindow> parts = new ArrayList<>();
            int i = 0;
            while (i < size) {
                int s = seriesOf[i];
                int j = i;
                while (j < size && seriesOf[j] == s) {
                    j++;
                }
                TimeSeries ts = series.get(s);
                long firstStep = Math.floorDiv(ts.startMillis(), ts.stepMillis());
                SeriesFeatures sf = SeriesFeatures.regular(spec, ts.name(), firstStep * ts.stepMillis(),
                        values.get(s), null);
                long[] ends = new long[j - i];
                for (int k = i; k < j; k++) {
                    ends[k - i] = firstStep + originOf[k];
                }
                parts.add(sf.windows(ends, policy));
                i = j;
            }
            return FeatureWindow.concat(parts);
        }
    }

    /** Builds an {@link Evaluator}. */
    public static final class Builder {
        private final int horizon;
        private double evalFraction = DEFAULT_EVAL_FRACTION;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private MissingPolicy policy = MissingPolicy.KEEP_NAN;

        private Builder(int horizon) {
            this.horizon = horizon;
        }

        /** @param fraction the share of each series, at its end, that is evaluated, in (0, 1] */
        public Builder evalFraction(double fraction) {
            this.evalFraction = fraction;
            return this;
        }

        /** @param windows the most windows per forecast call, at least 1 */
        public Builder batchSize(int windows) {
            this.batchSize = windows;
            return this;
        }

        /** @param missing what the windows do with unobserved steps (default: keep NaN) */
        public Builder missingPolicy(MissingPolicy missing) {
            this.policy = missing;
            return this;
        }

        /**
         * @return the evaluator
         * @throws IllegalArgumentException if H &lt; 1, the fraction is outside (0, 1] or the batch size below 1
         */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
