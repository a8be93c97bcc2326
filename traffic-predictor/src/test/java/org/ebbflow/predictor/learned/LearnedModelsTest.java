package org.ebbflow.predictor.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.learned.dl4j.LstmTrainer;
import org.ebbflow.predictor.learned.dl4j.MlpTrainer;
import org.ebbflow.predictor.learned.tribuo.TribuoTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every trainer on a small generated set with a clear daily pattern; DL4J kept tiny (OMP_NUM_THREADS=1). */
class LearnedModelsTest {
    private static final List<TimeSeries> SERIES = Fixtures.daily(12, 1500, 42);

    @TempDir
    Path dir;

    private static ModelTraining.Result train(Trainer t) {
        return ModelTraining.train(t, SERIES, Fixtures.tinyOptions(), TrainingListener.NONE);
    }

    private static void beatsPersistence(ModelTraining.Result r) {
        TrainingSummary s = r.summary();
        assertTrue(s.number("skillStep1") > 0.10, () -> r.predictor().name() + " " + s.fields());
        assertTrue(s.number("coverage") > 0.85, () -> s.fields().toString());
    }

    private void savesAndReloadsIdentically(LearnedPredictor p) throws Exception {
        Path f = dir.resolve(p.name() + ".zip");
        ModelFiles.save(p, f);
        LearnedPredictor q = ModelFiles.load(f);
        assertEquals(p.features().layout(), q.features().layout());
        assertEquals(p.calibration().stepScaled(), q.calibration().stepScaled());
        assertEquals(p.features().inputCount(), q.features().inputCount());
        FeatureWindow w = Fixtures.windows(SERIES.subList(0, 3), p.features().windowSteps(), 5);
        Forecast a = p.forecast(w);
        Forecast b = q.forecast(w);
        assertArrayEquals(a.means(), b.means());
        assertArrayEquals(a.upperBounds(), b.upperBounds());
        assertEquals(p.provenance().get("trainer"), q.provenance().get("trainer"));
    }

    @Test
    void linearBeatsPersistenceAndReloads() throws Exception {
        ModelTraining.Result r = train(TribuoTrainer.linear());
        beatsPersistence(r);
        savesAndReloadsIdentically(r.predictor());
    }

    @Test
    void mlpBeatsPersistenceIsDeterministicAndReloads() throws Exception {
        ModelTraining.Result a = train(new MlpTrainer(new int[] {16}, 3e-3, 128, 0));
        ModelTraining.Result b = train(new MlpTrainer(new int[] {16}, 3e-3, 128, 0));
        beatsPersistence(a);
        FeatureWindow w = Fixtures.windows(SERIES.subList(0, 4), 12, 3);
        assertEquals(a.predictor().forecast(w), b.predictor().forecast(w), "same data and seed, same model");
        savesAndReloadsIdentically(a.predictor());
    }

    @Test
    void mlpWithQuantileHeadIsConformalisedAndReloads() throws Exception {
        ModelTraining.Result a = train(new MlpTrainer(new int[] {16}, 3e-3, 128, 0, true));
        beatsPersistence(a);
        assertTrue(a.predictor().calibration().quantileHead());
        assertEquals(2 * 3, a.predictor().regressor().outputCount());
        Forecast f = a.predictor().forecast(Fixtures.windows(SERIES.subList(0, 2), 12, 9));
        for (int b = 0; b < f.batch(); b++) {
            for (int h = 0; h < f.horizon(); h++) {
                assertTrue(f.upper(b, h) >= f.mean(b, h));
            }
        }
        savesAndReloadsIdentically(a.predictor());
    }

    @Test
    void mlpWithShapeInputsAndCalibrationBlocksBeatsPersistenceAndReloads() throws Exception {
        TrainingOptions o = Fixtures.tinyOptions().withWindowSteps(16).withLayout(WindowFeatures.SHAPE)
                .withCalibrationBlocks(2).withStepScales(true);
        ModelTraining.Result a = ModelTraining.train(new MlpTrainer(new int[] {16}, 3e-3, 128, 0, true), SERIES, o,
                TrainingListener.NONE);
        beatsPersistence(a);
        assertEquals(WindowFeatures.SHAPE, a.predictor().features().layout());
        assertEquals(16 + WindowFeatures.SHAPE_INPUTS, a.predictor().regressor().inputCount());
        assertTrue(a.predictor().calibration().stepScaled());
        savesAndReloadsIdentically(a.predictor());
    }

    @Test
    void xgboostTrainsAndReloads() throws Exception {
        ModelTraining.Result r = train(TribuoTrainer.xgboost());
        beatsPersistence(r);
        savesAndReloadsIdentically(r.predictor());
    }

    @Test
    void lstmTrainsAndReloads() throws Exception {
        ModelTraining.Result r = ModelTraining.train(new LstmTrainer(8, 5e-3, 64, 1500), SERIES,
                Fixtures.tinyOptions().withEpochs(2, 1), TrainingListener.NONE);
        assertTrue(r.summary().number("skillStep1") > 0, () -> r.summary().fields().toString());
        savesAndReloadsIdentically(r.predictor());
    }

    @Test
    void taskClassesBecomeInputs() {
        List<TimeSeries> withClass = new java.util.ArrayList<>();
        for (TimeSeries s : SERIES.subList(0, 6)) {
            withClass.add(TimeSeries.of(s.name(), s.source(), 0, s.stepMillis(), s.values(),
                    s.name().hashCode() % 2 == 0 ? "web" : "batch", s.unit()));
        }
        ModelTraining.Result r = ModelTraining.train(TribuoTrainer.linear(), withClass, Fixtures.tinyOptions(),
                TrainingListener.NONE);
        assertEquals(java.util.Arrays.asList("batch", "web"), r.predictor().features().taskClasses());
        assertEquals(12 + 2, r.predictor().features().inputCount());
    }
}
