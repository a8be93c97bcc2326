package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    private static final List<String> BASELINES = Arrays.asList("persistence", "ewma", "holt", "seasonal-naive");

    @TempDir
    Path dir;

    private Path csv;

    /** Three days at five minutes of a daily cycle with a small deterministic wobble, epoch seconds. */
    @BeforeEach
    void series() throws IOException {
        StringBuilder sb = new StringBuilder("time,rate\n");
        for (int i = 0; i < 3 * 288; i++) {
            double day = Math.sin(2 * Math.PI * i / 288.0);
            double rate = 1e8 * (2 + day) + 1e6 * ((i * 7919) % 17);
            sb.append(1_600_000_000L + i * 300L).append(',').append(rate).append('\n');
        }
        csv = Files.writeString(dir.resolve("link.csv"), sb.toString());
    }

    @Test
    void jsonHasTheModelEveryBaselineAndSaneFigures() throws IOException {
        Run r = Run.of("evaluate", "--model", "holt", "--data", "csv:" + csv + "#rate", "--horizon", "3", "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = TopologyCommandTest.oneJsonObject(r.out);
        assertEquals(List.of("model", "baselines", "skillVsPersistence", "horizon", "series", "points"), keys(j));
        assertEquals("holt", j.get("model").get("name").asText());
        assertEquals(List.of("name", "mae", "rmse", "nmae", "coverage", "excess"), keys(j.get("model")));
        assertEquals(BASELINES, keys(j.get("baselines")));
        assertEquals(3, j.get("horizon").asInt());
        assertEquals(1, j.get("series").asInt());
        // 864 steps: evaluation part the last 172, origins 692..861.
        assertEquals(170, j.get("points").asLong());
        for (String b : BASELINES) {
            JsonNode m = j.get("baselines").get(b);
            assertEquals(b, m.get("name").asText());
            assertTrue(m.get("mae").asDouble() > 0, b);
            assertTrue(m.get("rmse").asDouble() >= m.get("mae").asDouble(), b);
            assertTrue(m.get("nmae").asDouble() > 0 && m.get("nmae").asDouble() < 0.2, b);
            double coverage = m.get("coverage").asDouble();
            assertTrue(coverage > 0.5 && coverage <= 1, b + " coverage " + coverage);
            assertTrue(m.get("excess").asDouble() > 0, b);
        }
        assertEquals(j.get("baselines").get("holt"), j.get("model"));
        double skill = 1 - j.get("model").get("nmae").asDouble()
            / j.get("baselines").get("persistence").get("nmae").asDouble();
        assertEquals(skill, j.get("skillVsPersistence").asDouble(), 1e-12);
        // Seasonal-naive has a full day of history at every point of a clean daily cycle: the best of the four.
        double seasonal = j.get("baselines").get("seasonal-naive").get("nmae").asDouble();
        for (String b : BASELINES) {
            assertTrue(seasonal <= j.get("baselines").get(b).get("nmae").asDouble(), b);
        }
    }

    @Test
    void persistenceAgainstItselfHasNoSkill() throws IOException {
        Run r = Run.of("evaluate", "-m", "persistence", "-d", "csv:" + csv + "#2", "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = TopologyCommandTest.oneJsonObject(r.out);
        assertEquals(0, j.get("skillVsPersistence").asDouble(), 0);
        assertEquals(1, j.get("horizon").asInt());
        assertEquals(172, j.get("points").asLong());
    }

    @Test
    void textTableWithStepsAhead() {
        Run r = Run.of("evaluate", "-m", "ewma", "-d", "csv:" + csv + "#rate", "-d", "csv:" + csv + "#rate",
            "-H", "2");
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(r.out.contains("series    2 (0 too short), step 5m, horizon 2 (10m)"), r.out);
        assertTrue(r.out.contains("model: ewma"), r.out);
        assertTrue(r.out.contains("seasonal-naive"), r.out);
        assertTrue(r.out.contains("nmae by step ahead"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void badSpecIsAOneLineUsageError() {
        Run r = Run.of("evaluate", "-m", "persistence", "-d", "tsv:" + csv);
        assertEquals(2, r.exitCode, r::toString);
        assertEquals(List.of("ebbflow: error: unknown data kind 'tsv' (kinds: csv, abilene, fbpod, alibaba, "
            + "ebbflow)"), r.errLines());
        assertEquals("", r.out);
        Run missing = Run.of("evaluate", "-m", "persistence", "-d", "csv:" + dir.resolve("nope.csv") + "#2");
        assertEquals(2, missing.exitCode, missing::toString);
        assertEquals(1, missing.errLines().size());
        assertTrue(missing.err.startsWith("ebbflow: error: no such file"), missing.err);
        Run column = Run.of("evaluate", "-m", "persistence", "-d", "csv:" + csv + "#bytes");
        assertEquals(2, column.exitCode, column::toString);
        assertTrue(column.err.contains("no column 'bytes' in the header (value columns: 'rate')"), column.err);
    }

    @Test
    void unknownModelAndBadHorizonAreUsageErrors() {
        Run r = Run.of("evaluate", "-m", "arima", "-d", "csv:" + csv + "#rate");
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.startsWith("ebbflow: error: "), r.err);
        assertEquals(1, r.errLines().size());
        Run h = Run.of("evaluate", "-m", "holt", "-d", "csv:" + csv + "#rate", "-H", "0");
        assertEquals(2, h.exitCode, h::toString);
        assertTrue(h.err.contains("--horizon must be at least 1"), h.err);
        Run far = Run.of("evaluate", "-m", "holt", "-d", "csv:" + csv + "#rate", "-H", "500");
        assertEquals(2, far.exitCode, far::toString);
        assertTrue(far.err.contains("no point to score"), far.err);
    }

    @Test
    void malformedFileIsAOneLineRunFailureNamingLineAndField() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "time,rate\n1600000000,1\n1600000300,x\n");
        Run r = Run.of("evaluate", "-m", "holt", "-d", "csv:" + bad + "#rate");
        assertEquals(1, r.exitCode, r::toString);
        assertEquals(List.of("ebbflow: error: " + bad + ":3: rate: not a number: 'x'"), r.errLines());
    }

    @Test
    void modelFilesThatCannotBeUsedAreOneLineErrors() throws IOException {
        Run missing = Run.of("evaluate", "-m", dir.resolve("none.zip").toString(), "-d", "csv:" + csv + "#rate");
        assertEquals(2, missing.exitCode, missing::toString);
        assertEquals(1, missing.errLines().size(), missing::toString);
        assertTrue(missing.err.contains("is neither a model file nor one of: default, persistence"), missing.err);
        Path corrupt = Files.writeString(dir.resolve("model.zip"), "not a zip archive");
        Run r = Run.of("evaluate", "-m", corrupt.toString(), "-d", "csv:" + csv + "#rate");
        assertEquals(1, r.exitCode, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err.startsWith("ebbflow: error: model file " + corrupt + ": "), r.err);
    }

    @Test
    void helpListsTheDataSpecs() {
        Run r = Run.of("evaluate", "--help");
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(r.out.contains("--model=MODEL"), r.out);
        assertTrue(r.out.contains("fbpod:PATH"), r.out);
        assertTrue(r.out.contains("--horizon=H"), r.out);
    }

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            k.add(it.next());
        }
        return k;
    }
}
