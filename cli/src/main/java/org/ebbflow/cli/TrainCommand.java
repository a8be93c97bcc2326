package org.ebbflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.data.DataSpecs;
import org.ebbflow.predictor.learned.ModelFiles;
import org.ebbflow.predictor.learned.ModelTraining;
import org.ebbflow.predictor.learned.Trainer;
import org.ebbflow.predictor.learned.TrainingListener;
import org.ebbflow.predictor.learned.TrainingOptions;
import org.ebbflow.predictor.learned.TrainingSummary;
import org.ebbflow.predictor.synthetic.SyntheticSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ebbflow train}: trains a learned model on series and writes one model file. Each series is split by time
 * (training, calibration, validation, never shuffled across time); the summary reports the validation part.
 */
@Command(name = "train", description = {"Train a learned traffic model and write it to one model file.",
    "Each series is cut by time: training, then calibration of the upper bounds, then validation",
    "(early stopping and the summary). Models: mlp, linear, xgboost, cart, lstm.",
    "Generated data-center traffic: --data synthetic:series=N,length=STEPS,seed=S[,classes=A+B]."},
        footerHeading = "%nData specs:%n", footer = {
    "  csv:PATH#COLUMN, abilene:PATH, fbpod:PATH, alibaba:PATH, ebbflow:PATH (see 'ebbflow evaluate --help'),",
    "  synthetic:series=200,length=3000,seed=11[,classes=web+cache+hadoop]"})
public final class TrainCommand extends EbbflowSubcommand {
    @Option(names = {"-d", "--data"}, required = true, paramLabel = "SPEC",
            description = "Series to train on (repeatable).")
    private List<String> data;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "What to train: mlp, linear, xgboost, cart or lstm.")
    private String model;

    @Option(names = {"-H", "--horizon"}, defaultValue = "12", paramLabel = "H",
            description = "Steps ahead (default: ${DEFAULT-VALUE}).")
    private int horizon;

    @Option(names = {"-w", "--window"}, defaultValue = "24", paramLabel = "W",
            description = "Steps of history per window (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--seed", defaultValue = "12345", paramLabel = "S",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-q", "--quantile"}, defaultValue = "0.95", paramLabel = "Q",
            description = "Level of the upper bounds (default: ${DEFAULT-VALUE}).")
    private double quantile;

    @Option(names = "--holdout", defaultValue = "0", paramLabel = "F",
            description = "Share of every series, at its end, left out entirely, e.g. 0.2 to keep "
                    + "'ebbflow evaluate''s part unseen (default: ${DEFAULT-VALUE}).")
    private double holdout;

    @Option(names = "--stride", defaultValue = "1", paramLabel = "N",
            description = "Steps between training windows (default: ${DEFAULT-VALUE}).")
    private int stride;

    @Option(names = "--epochs", defaultValue = "30", paramLabel = "N",
            description = "Most epochs of mlp and lstm (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--patience", defaultValue = "3", paramLabel = "N",
            description = "Early stop after N epochs without a better validation loss (default: ${DEFAULT-VALUE}).")
    private int patience;

    @Option(names = "--layout", defaultValue = "lags", paramLabel = "L",
            description = "Inputs per window: lags (the normalised steps and the regime feature) or lags+shape "
                    + "(also multi-scale means, step-change autocorrelation, recent volatility, idle share) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String layout;

    @Option(names = "--calibration-blocks", defaultValue = "1", paramLabel = "N",
            description = "Cut each source's calibration part into N time blocks; the bounds hold for the block "
                    + "that needs most (default: ${DEFAULT-VALUE}).")
    private int calibrationBlocks;

    @Option(names = "--step-scales",
            description = "Calibrate the upper bounds in units of each window's own h-step spread (mean |x(t+h) - "
                    + "x(t)| over the window): wider where a series wanders, narrower where it hovers.")
    private boolean stepScales;

    @Option(names = "--source-balance", defaultValue = "0", paramLabel = "B",
            description = "Even out the --data sources' shares of each epoch and of the validation loss (mlp): "
                    + "source s weighs windows^(1 - B); 0 weighs every window alike, 1 every source alike, 0.5 by the "
                    + "square root (default: ${DEFAULT-VALUE}).")
    private double sourceBalance;

    @Option(names = "--hidden", split = ",", paramLabel = "N[,N...]",
            description = "Hidden layer widths of mlp (default: 64,32).")
    private int[] hidden;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The model file to write.")
    private Path out;

    @Option(names = "--no-progress", description = "Draw no progress bar.")
    private boolean noProgress;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        Trainer trainer = TrainerChoice.create(model, hidden);
        TrainingOptions options;
        try {
            options = TrainingOptions.defaults().withHorizon(horizon).withWindowSteps(window).withSeed(seed)
                    .withQuantile(quantile).withHoldout(holdout).withStride(stride).withEpochs(epochs, patience)
                    .withLayout(layout).withCalibrationBlocks(calibrationBlocks)
                    .withStepScales(stepScales).withSourceBalance(sourceBalance);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid training option: " + e.getMessage(), e);
        }
        List<TimeSeries> series = read(data);
        ProgressBarListener bar = noProgress || json.enabled() ? null : new ProgressBarListener(System.err);
        ModelTraining.Result result;
        try {
            result = ModelTraining.train(trainer, series, options, bar == null ? TrainingListener.NONE : bar);
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        ModelFiles.save(result.predictor(), out);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("out", out.toString());
        fields.put("series", series.size());
        fields.putAll(result.summary().fields());
        if (json.enabled()) {
            json.print(out(), fields);
        } else {
            printText(out(), result.summary(), series.size());
        }
        return ExitCodes.OK;
    }

    /** @return the series of every spec, synthetic ones generated */
    static List<TimeSeries> read(List<String> specs) {
        List<TimeSeries> series = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String s : specs) {
            if (SyntheticSpec.isSynthetic(s)) {
                if (!files.isEmpty()) {
                    series.addAll(DataSpecs.parse(files).read());
                    files.clear();
                }
                series.addAll(SyntheticSpec.read(s));
            } else {
                files.add(s);
            }
        }
        if (!files.isEmpty()) {
            series.addAll(DataSpecs.parse(files).read());
        }
        return series;
    }

    private void printText(PrintWriter w, TrainingSummary s, int series) {
        String row = "%-26s %s%n";
        w.printf(row, "model", s.fields().get("model") + " -> " + out);
        w.printf(row, "series", series);
        w.printf(row, "windows", String.format(Locale.ROOT, "%.0f train, %.0f calibration, %.0f validation",
                s.number("trainWindows"), s.number("calibrationWindows"), s.number("validationWindows")));
        w.printf(row, "loss (normalised MAE)", String.format(Locale.ROOT, "train %.4f, validation %.4f",
                s.number("trainLoss"), s.number("validationLoss")));
        w.printf(row, "NMAE step 1", String.format(Locale.ROOT, "%.4f (persistence %.4f, skill %+.1f%%)",
                s.number("nmaeStep1"), s.number("nmaePersistenceStep1"), 100 * s.number("skillStep1")));
        w.printf(row, "NMAE step H", String.format(Locale.ROOT, "%.4f (persistence %.4f, skill %+.1f%%)",
                s.number("nmaeStepH"), s.number("nmaePersistenceStepH"), 100 * s.number("skillStepH")));
        w.printf(row, "NMAE all steps", String.format(Locale.ROOT, "%.4f (persistence %.4f, skill %+.1f%%)",
                s.number("nmae"), s.number("nmaePersistence"), 100 * s.number("skillVsPersistence")));
        w.printf(row, "coverage at q", String.format(Locale.ROOT, "%.3f at %.2f (step 1: %.3f), excess %.3f",
                s.number("coverage"), s.number("quantile"), s.number("coverageStep1"), s.number("excess")));
        w.printf(row, "time", String.format(Locale.ROOT, "%.1f s", s.number("seconds")));
        w.flush();
    }
}
