package org.ebbflow.bench.predictor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.flowstats.features.MissingPolicy;
import org.ebbflow.flowstats.features.SeriesFeatures;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Persistence;
import org.ebbflow.predictor.learned.DefaultModel;
import org.ebbflow.predictor.learned.LearnedPredictor;
import org.ebbflow.predictor.synthetic.DataCenterTraffic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One control cycle's forecast for every port of a k=48 fat-tree (138,240 series, 48 steps of history each, 5 s
 * step) on one thread: the shipped default model ({@code defaultModel}, all H steps with upper bounds) against the
 * persistence baseline with its residual-quantile bounds ({@code persistence}) on the same window. Target: at most
 * 1 s per cycle for the default model. The windows are 2,000 generated port series repeated over the ports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class InferenceBenchmark {
    /** Ports in a k=48 fat-tree: 2,880 switches x 48 ports. */
    public static final int K48_PORTS = 138_240;
    private static final long STEP_MILLIS = 5_000;
    private static final int WINDOW = 48;

    @Param({"138240"})
    public int series;

    private FeatureWindow window;
    private TrafficPredictor model;
    private TrafficPredictor persistence;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        LearnedPredictor m = DefaultModel.load().atStep(STEP_MILLIS);
        model = m;
        persistence = Persistence.create(STEP_MILLIS, m.horizon());
        FeatureSpec spec = FeatureSpec.of(Collections.singletonList(Feature.RATE_IN_BPS), WINDOW, STEP_MILLIS);
        List<TimeSeries> ports = DataCenterTraffic.of(2_000, 400, 7, Collections.emptyList()).generate();
        List<FeatureWindow> parts = new ArrayList<>();
        for (TimeSeries p : ports) {
            parts.add(SeriesFeatures.regular(spec, p.name(), 0, p.values(), null).window(p.length(),
                    MissingPolicy.KEEP_NAN));
        }
        FeatureWindow distinct = FeatureWindow.concat(parts);
        int[] rows = new int[series];
        for (int i = 0; i < series; i++) {
            rows[i] = i % distinct.batch();
        }
        window = distinct.select(rows);
    }

    @Benchmark
    public Forecast defaultModel() {
        return model.forecast(window);
    }

    @Benchmark
    public Forecast persistence() {
        return persistence.forecast(window);
    }
}
