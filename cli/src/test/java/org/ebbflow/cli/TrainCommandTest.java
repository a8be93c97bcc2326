package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebbflow.predictor.learned.LearnedPredictor;
import org.ebbflow.predictor.learned.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    private static final String DATA = "synthetic:series=8,length=1200,seed=5";

    @TempDir
    Path dir;

    @Test
    void trainsALinearModelAndPrintsOneJsonSummary() throws Exception {
        Path out = dir.resolve("linear.zip");
        Run r = Run.of("train", "--data", DATA, "--model", "linear", "--horizon", "3", "--window", "12",
                "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = TopologyCommandTest.oneJsonObject(r.out);
        assertEquals("linear", j.get("model").asText());
        assertEquals(8, j.get("series").asInt());
        assertEquals(3, j.get("horizon").asInt());
        assertTrue(j.get("coverage").asDouble() > 0.5, r.out);
        assertTrue(j.has("skillStep1") && j.has("nmaePersistence") && j.has("excess") && j.has("seconds"), r.out);
        LearnedPredictor p = ModelFiles.load(out);
        assertEquals(3, p.horizon());
        assertEquals("linear", p.provenance().get("trainer"));
    }

    @Test
    void textSummaryAndEvaluateWithTheModelFile() throws IOException {
        Path out = dir.resolve("m.zip");
        Run r = Run.of("train", "-d", DATA, "-m", "linear", "-H", "2", "-w", "8", "-o", out.toString(),
                "--no-progress");
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(r.out.contains("NMAE step 1"), r.out);
        assertTrue(r.out.contains("coverage at q"), r.out);
        Run e = Run.of("evaluate", "--model", out.toString(), "--data", "csv:" + csv() + "#2", "-H", "2", "--json");
        assertEquals(0, e.exitCode, e::toString);
        assertEquals("linear", TopologyCommandTest.oneJsonObject(e.out).get("model").get("name").asText());
    }

    @Test
    void unknownModelIsAUsageError() {
        Run r = Run.of("train", "--data", DATA, "--model", "prophet", "--out", dir.resolve("x.zip").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err.startsWith("ebbflow: error: unknown model 'prophet' (known: mlp, linear, xgboost"), r.err);
    }

    @Test
    void mlpTakesTheSecondRoundOptionsAndRecordsThem() throws Exception {
        Path out = dir.resolve("mlp.zip");
        Run r = Run.of("train", "--data", DATA, "--model", "mlp", "--hidden", "8", "--window", "16", "--horizon", "2",
                "--layout", "lags+shape", "--step-scales", "--source-balance", "0.5", "--calibration-blocks", "2",
                "--epochs", "1", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode, r::toString);
        LearnedPredictor p = ModelFiles.load(out);
        assertEquals("lags+shape", p.features().layout());
        assertTrue(p.calibration().stepScaled());
        assertEquals(24, p.regressor().inputCount(), "16 steps (15 lags + regime) and 8 shape inputs");
        assertEquals(8, ((org.ebbflow.predictor.learned.MlpRegressor) p.regressor()).sizes()[1]);
        String options = String.valueOf(((java.util.Map<?, ?>) p.provenance().get("hyperparameters")).get("options"));
        assertTrue(options.contains("sourceBalance=0.5") && options.contains("calibrationBlocks=2"), options);
    }

    @Test
    void secondRoundOptionsAreCheckedAsUsage() {
        Run hidden = Run.of("train", "--data", DATA, "--model", "linear", "--hidden", "8", "--out",
                dir.resolve("x.zip").toString());
        assertEquals(ExitCodes.USAGE, hidden.exitCode, hidden::toString);
        assertTrue(hidden.err.contains("--hidden applies to mlp only"), hidden.err);
        Run layout = Run.of("train", "--data", DATA, "--model", "mlp", "--layout", "calendar", "--out",
                dir.resolve("y.zip").toString());
        assertEquals(ExitCodes.USAGE, layout.exitCode, layout::toString);
        assertTrue(layout.err.contains("unknown input layout 'calendar'"), layout.err);
        Run balance = Run.of("train", "--data", DATA, "--model", "mlp", "--source-balance", "2", "--out",
                dir.resolve("z.zip").toString());
        assertEquals(ExitCodes.USAGE, balance.exitCode, balance::toString);
    }

    @Test
    void damagedModelFileIsOneClearError() throws IOException {
        Path bad = Files.write(dir.resolve("bad.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0});
        Run r = Run.of("evaluate", "--model", bad.toString(), "--data", "csv:" + csv() + "#2");
        assertTrue(r.exitCode != 0, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err.startsWith("ebbflow: error: model file " + bad + ": "), r.err);
    }

    private Path csv() throws IOException {
        Path csv = dir.resolve("s.csv");
        StringBuilder sb = new StringBuilder("t,v\n");
        for (int i = 0; i < 600; i++) {
            sb.append(i).append(',').append(1000 + 300 * Math.sin(i / 20.0) + (i * 7919 % 97)).append('\n');
        }
        return Files.writeString(csv, sb.toString());
    }

    @Test
    void defaultModelIsAvailable() throws IOException {
        Run e = Run.of("evaluate", "--model", "default", "--data", "csv:" + csv() + "#2", "-H", "1", "--json");
        assertEquals(0, e.exitCode, e::toString);
        assertEquals("mlp", TopologyCommandTest.oneJsonObject(e.out).get("model").get("name").asText());
    }
}
