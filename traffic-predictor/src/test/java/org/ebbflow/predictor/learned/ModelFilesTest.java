package org.ebbflow.predictor.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Persistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path dir;

    private static FeatureWindow window() {
        return Fixtures.windows(Fixtures.daily(3, 400, 5), 4, 7);
    }

    @Test
    void saveLoadPredictsIdentically() throws Exception {
        LearnedPredictor p = Fixtures.handMlp();
        Path f = dir.resolve("m.zip");
        ModelFiles.save(p, f);
        LearnedPredictor q = ModelFiles.load(f);
        FeatureWindow w = window();
        Forecast a = p.forecast(w, null);
        Forecast b = q.forecast(w, null);
        assertEquals(a, b);
        assertArrayEquals(a.upperBounds(), b.upperBounds());
        assertEquals(p.featureSpec(), q.featureSpec());
        assertEquals(p.horizon(), q.horizon());
        assertEquals(p.quantile(), q.quantile());
        assertEquals(p.features().taskClasses(), q.features().taskClasses());
        assertEquals(p.provenance().get("seed").toString(), q.provenance().get("seed").toString());
        assertEquals(Arrays.asList("web", "batch"), q.features().taskClasses());
    }

    @Test
    void quantileHeadSurvivesTheRoundTrip() throws Exception {
        LearnedPredictor p = Fixtures.handMlpWithQuantileHead();
        Path f = dir.resolve("q.zip");
        ModelFiles.save(p, f);
        LearnedPredictor q = ModelFiles.load(f);
        assertTrue(q.calibration().quantileHead());
        assertEquals(p.forecast(window()), q.forecast(window()));
        assertEquals(0.9, q.quantile());
    }

    @Test
    void modelJsonIsReadable() throws Exception {
        Path f = dir.resolve("m.zip");
        ModelFiles.save(Fixtures.handMlp(), f);
        String json = new String(ModelFilesTestSupport.entry(f, ModelFiles.MODEL_JSON), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\" : \"ebbflow-traffic-model\""), json);
        assertTrue(json.contains("\"formatVersion\" : 1"), json);
        assertTrue(json.contains("\"provenance\""), json);
        assertTrue(json.contains("\"featureSpec\" : \"version=1;features=RATE_IN_BPS;window=4"), json);
    }

    @Test
    void truncatedFileGivesTheClearError() throws Exception {
        Path f = dir.resolve("m.zip");
        ModelFiles.save(Fixtures.handMlp(), f);
        byte[] all = Files.readAllBytes(f);
        for (int cut : new int[] {all.length - 1, all.length / 2, 30}) {
            Path t = dir.resolve("cut-" + cut + ".zip");
            Files.write(t, Arrays.copyOf(all, cut));
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(t));
            assertTrue(e.getMessage().startsWith("model file " + t + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void zipOfSomethingElseIsNotAModel() throws Exception {
        Path f = dir.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(f));
        assertTrue(e.getMessage().contains("not an ebbflow model"), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void foreignJsonAndNewerVersionsAreRefused() throws Exception {
        Path foreign = ModelFilesTestSupport.zip(dir.resolve("f.zip"), "{\"format\":\"keras\"}");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(foreign)).getMessage()
                .contains("format 'keras'"));
        Path newer = ModelFilesTestSupport.zip(dir.resolve("n.zip"),
                "{\"format\":\"ebbflow-traffic-model\",\"formatVersion\":2}");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(newer)).getMessage()
                .contains("newer ebbflow"));
        Path broken = ModelFilesTestSupport.zip(dir.resolve("b.zip"), "{not json");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(broken)).getMessage()
                .contains("not valid JSON"));
        Path text = Files.write(dir.resolve("t.zip"), "just some text, long enough".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(text)).getMessage()
                .contains("not a zip archive"));
        Path missing = dir.resolve("missing.zip");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(missing)).getMessage()
                .contains("no such file"));
    }

    @Test
    void unknownEntriesAreRefused() throws Exception {
        Path f = dir.resolve("m.zip");
        ModelFiles.save(Fixtures.handMlp(), f);
        Path g = dir.resolve("g.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(g))) {
            z.putNextEntry(new ZipEntry(ModelFiles.MODEL_JSON));
            z.write(ModelFilesTestSupport.entry(f, ModelFiles.MODEL_JSON));
            z.putNextEntry(new ZipEntry("payload.ser"));
            z.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        }
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(g)).getMessage()
                .contains("unexpected entry 'payload.ser'"));
    }

    @Test
    void fallbackLogsAWarningAndReturnsTheBaseline() throws Exception {
        Path f = Files.write(dir.resolve("bad.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        TrafficPredictor baseline = Persistence.create(Fixtures.STEP, 3);
        PrintStream old = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        TrafficPredictor got;
        System.setErr(new PrintStream(captured, true, "UTF-8"));
        try {
            got = ModelFiles.loadOrFallback(f, () -> baseline);
        } finally {
            System.setErr(old);
        }
        assertSame(baseline, got);
        String log = captured.toString("UTF-8");
        assertTrue(log.contains("WARN"), log);
        assertTrue(log.contains(f.toString()), log);
        assertTrue(log.contains("falling back to the persistence baseline"), log);
    }

    @Test
    void fallbackNotUsedWhenTheFileIsGood() throws IOException {
        Path f = dir.resolve("m.zip");
        ModelFiles.save(Fixtures.handMlp(), f);
        TrafficPredictor got = ModelFiles.loadOrFallback(f, () -> {
            throw new AssertionError("baseline asked for");
        });
        assertEquals("mlp", got.name());
    }

    @Test
    void baselinesHaveNoModelFile() {
        assertThrows(IllegalArgumentException.class,
                () -> ModelFiles.save(Persistence.create(Fixtures.STEP, 1), dir.resolve("p.zip")));
    }
}
