package org.ebbflow.sim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.data.DataSpec;
import org.ebbflow.sim.Scenario;
import org.ebbflow.sim.SimConfig;
import org.ebbflow.sim.SimListener;
import org.ebbflow.sim.SimResult;
import org.ebbflow.sim.Simulator;
import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    private static final String TRAFFIC = "synthetic:load=0.3,locality=mixed,diurnal=true,surges=1";

    @TempDir
    Path out;

    private Path run(long seed, String name) throws IOException {
        Path dir = RunDirectory.create(out, name, Instant.parse("2026-01-02T03:04:05Z"));
        SimConfig config = SimConfig.defaults(0.5, seed).withExportPorts(40);
        SimResult r;
        try (PortSeriesRecorder ports = new PortSeriesRecorder(dir, config.exportPorts())) {
            r = new Simulator(Scenario.of("fat-tree:k=4", TRAFFIC), config, List.of(new AlwaysOnPolicy()))
                    .run(SimListener.all(ports, SimListener.NONE));
        }
        SimulationReport.write(r, dir);
        return dir;
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Test
    void sameSeedGivesIdenticalFilesOtherSeedOtherOnes() throws IOException {
        Path a = run(5, "a");
        Path b = run(5, "b");
        Path c = run(6, "c");
        for (String f : new String[] {ResultFiles.STEPS, ResultFiles.SUMMARY, ResultFiles.CONFIG,
            PortSeriesRecorder.fileName("always-on")}) {
            assertArrayEquals(bytes(a.resolve(f)), bytes(b.resolve(f)), f);
        }
        assertNotEquals(Files.readString(a.resolve(ResultFiles.STEPS)), Files.readString(c.resolve(ResultFiles.STEPS)));
    }

    @Test
    void theFolderHoldsEverythingAndTheExportReadsBack() throws IOException {
        Path dir = run(1, "sim");
        assertEquals("sim-2026-01-02T030405Z", dir.getFileName().toString());
        assertFalse(dir.getFileName().toString().contains(":"));
        for (String f : new String[] {"steps.csv", "summary.json", "config.json", "timing.csv", "report.html",
            "plots/power.png", "plots/utilisation.png", "plots/asleep.png", "plots/traffic.png",
            "ports-always-on.csv"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"));
        assertFalse(html.contains("src=\"plots/"), "self-contained");
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"seed\" : 1"));
        assertEquals(361, Files.readAllLines(dir.resolve("steps.csv")).size());
        List<TimeSeries> series = DataSpec.parse("ebbflow:" + dir.resolve("ports-always-on.csv")).read();
        assertEquals(80, series.size(), "40 ports, rx and tx each");
        assertEquals(5_000, series.get(0).stepMillis());
        assertEquals(360, series.get(0).length());
        assertTrue(series.stream().anyMatch(s -> s.taskClass() != null), "host ports carry their class");
        assertTrue(RunDirectory.create(out, "sim", Instant.parse("2026-01-02T03:04:05Z")).toString().endsWith("-2"));
    }
}
