package org.ebbflow.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Baselines;
import org.ebbflow.predictor.baseline.Persistence;
import org.ebbflow.predictor.data.DataSpecs;
import org.ebbflow.predictor.data.Durations;
import org.ebbflow.predictor.eval.EvaluationResult;
import org.ebbflow.predictor.eval.Evaluator;
import org.ebbflow.predictor.eval.Metrics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ebbflow evaluate}: scores a model and every baseline on the same held-out points of the given series and
 * prints their accuracy.
 */
@Command(name = "evaluate", description = {"Score a model and every baseline on the same held-out points.",
    "Rolling-origin forecasts over the last part in time of each series (never shuffled), H steps ahead;",
    "nmae = sum|error| / sum|actual|, coverage = share of actuals <= upper bound,",
    "excess = mean(upper - actual) / mean(actual), skill = 1 - nmae / nmae(persistence)."})
public final class EvaluateCommand extends EbbflowSubcommand {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "The model: a model file, 'default', or a baseline (persistence, ewma, holt, "
                    + "seasonal-naive).")
    private String model;

    @Mixin
    private DataOption data;

    @Option(names = {"-H", "--horizon"}, defaultValue = "1", paramLabel = "H",
            description = "Steps ahead to forecast and score (default: ${DEFAULT-VALUE}).")
    private int horizon;

    @Option(names = "--eval-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Share of each series, at its end, that is evaluated (default: ${DEFAULT-VALUE}).")
    private double evalFraction;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        if (horizon < 1) {
            throw new IllegalArgumentException("--horizon must be at least 1: " + horizon);
        }
        if (!(evalFraction > 0 && evalFraction <= 1)) {
            throw new IllegalArgumentException("--eval-fraction must be in (0, 1]: " + evalFraction);
        }
        DataSpecs specs = data.specs();
        List<TimeSeries> series = specs.read();
        long step = commonStep(series);
        TrafficPredictor modelPredictor = ModelChoice.resolve(model, step, horizon);
        List<TrafficPredictor> predictors = new ArrayList<>();
        if (!Baselines.isBaseline(modelPredictor.name())) {
            predictors.add(modelPredictor);
        }
        for (TrafficPredictor b : Baselines.all(step, horizon)) {
            predictors.add(b.name().equals(modelPredictor.name()) ? modelPredictor : b);
        }
        Evaluator evaluator = Evaluator.builder(horizon).evalFraction(evalFraction).build();
        EvaluationResult r;
        try (ProgressReport progress = ProgressReport.forStderr("evaluate", err())) {
            r = evaluator.evaluate(predictors, series, progress);
        }
        if (r.scored() == 0) {
            throw new IllegalArgumentException("no point to score: the series are too short for horizon " + horizon
                    + " in their last " + Math.round(evalFraction * 100) + "% (or every actual is missing)");
        }
        if (json.enabled()) {
            json.print(out(), fields(r, modelPredictor.name()));
        } else {
            printText(out(), r, modelPredictor.name(), specs);
        }
        return ExitCodes.OK;
    }

    private static long commonStep(List<TimeSeries> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("the data specs hold no series");
        }
        long step = series.get(0).stepMillis();
        for (TimeSeries s : series) {
            if (s.stepMillis() != step) {
                throw new IllegalArgumentException("series of different steps (" + Durations.format(step) + " in "
                        + series.get(0) + ", " + Durations.format(s.stepMillis()) + " in " + s
                        + "): evaluate them in separate runs, or set step= on the specs");
            }
        }
        return step;
    }

    /** @return the JSON object: model, baselines, skillVsPersistence, horizon, series, points; NaN as null */
    static Map<String, Object> fields(EvaluationResult r, String modelName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", metrics(r.metrics(modelName)));
        Map<String, Object> baselines = new LinkedHashMap<>();
        for (String b : Baselines.NAMES) {
            baselines.put(b, metrics(r.metrics(b)));
        }
        m.put("baselines", baselines);
        m.put("skillVsPersistence", number(r.metrics(modelName).skillVs(r.metrics(Persistence.NAME))));
        m.put("horizon", r.horizon());
        m.put("series", r.series());
        m.put("points", r.points());
        return m;
    }

    private static Map<String, Object> metrics(Metrics x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", x.name());
        m.put("mae", number(x.mae()));
        m.put("rmse", number(x.rmse()));
        m.put("nmae", number(x.nmae()));
        m.put("coverage", number(x.coverage()));
        m.put("excess", number(x.excess()));
        return m;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void printText(PrintWriter out, EvaluationResult r, String modelName, DataSpecs specs) {
        out.printf("data      %s%n", specs);
        out.printf("series    %d (%d too short), step %s, horizon %d (%s)%n", r.series(), r.seriesWithoutPoints(),
                Durations.format(r.stepMillis()), r.horizon(), Durations.format(r.stepMillis() * r.horizon()));
        out.printf("points    %d; values scored %d, skipped %d unobserved, %d without forecast%n", r.points(),
                r.scored(), r.skippedNaNActual(), r.skippedNoForecast());
        out.println();
        Metrics persistence = r.metrics(Persistence.NAME);
        String row = "%-22s %12s %12s %8s %9s %8s %8s%n";
        out.printf(row, "predictor", "mae", "rmse", "nmae", "coverage", "excess", "skill");
        List<Metrics> rows = new ArrayList<>();
        rows.add(r.metrics(modelName));
        for (String b : Baselines.NAMES) {
            rows.add(r.metrics(b));
        }
        for (int i = 0; i < rows.size(); i++) {
            Metrics x = rows.get(i);
            String name = i == 0 ? "model: " + x.name() : x.name();
            out.printf(row, name, g(x.mae()), g(x.rmse()), f(x.nmae()), f(x.coverage()), f(x.excess()),
                    f(x.skillVs(persistence)));
        }
        if (r.horizon() > 1) {
            out.println();
            int[] steps = shownSteps(r.horizon());
            StringBuilder head = new StringBuilder(String.format("%-22s", "nmae by step ahead"));
            for (int h : steps) {
                head.append(String.format(" %8s", "h=" + h));
            }
            out.println(head);
            for (int i = 0; i < rows.size(); i++) {
                Metrics x = rows.get(i);
                StringBuilder line = new StringBuilder(String.format("%-22s", i == 0 ? "model: " + x.name()
                        : x.name()));
                for (int h : steps) {
                    line.append(String.format(" %8s", f(x.nmae(h))));
                }
                out.println(line);
            }
        }
        out.flush();
    }

    /** @return every step up to 12; beyond, 1, a quarter, half, three quarters and all of H */
    static int[] shownSteps(int horizon) {
        if (horizon <= 12) {
            int[] s = new int[horizon];
            for (int h = 0; h < horizon; h++) {
                s[h] = h + 1;
            }
            return s;
        }
        return new int[] {1, Math.max(2, horizon / 4), horizon / 2, 3 * horizon / 4, horizon};
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }

    private static String g(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
