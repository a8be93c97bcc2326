package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final String TRAFFIC = "synthetic:load=0.2,locality=mixed,diurnal=true,surges=1";

    @TempDir
    Path out;

    @Test
    void jsonHasEveryRequiredFigurePerPolicy() throws IOException {
        Run r = Run.of("simulate", "--topology", "fat-tree:k=4", "--traffic", TRAFFIC, "--policies", "always-on",
                "--hours", "0.1", "--seed", "3", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = TopologyCommandTest.oneJsonObject(r.out);
        JsonNode p = j.get("policies").get("always-on");
        for (String k : List.of("energyFraction", "energyKWh", "slaViolationLinkSeconds", "undeliveredFraction",
                "transitionsPerHour", "ruleChangesPerHour", "maxLinkUtilization")) {
            assertTrue(p.get(k).isNumber(), k + " in " + p);
        }
        assertEquals(1.0, p.get("energyFraction").asDouble(), 0);
        assertEquals(0.1 * 20 * 154 / 1000, p.get("energyKWh").asDouble(), 1e-9);
        Path dir = Path.of(j.get("results").asText());
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
        assertTrue(dir.getFileName().toString().startsWith("simulate-"));
        assertEquals(List.of("policies", "results", "report"), keys(j));
    }

    @Test
    void textPrintsATableAndTheReportPath() {
        Run r = Run.of("simulate", "-t", "fat-tree:k=4", "-T", TRAFFIC, "--hours", "0.05", "-o", out.toString(),
                "--name", "k4", "--export-ports", "0");
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(r.out.contains("always-on"), r.out);
        assertTrue(r.out.contains("report    " + out.resolve("")), r.out);
        assertFalse(r.out.contains("ebbflow: error"));
    }

    @Test
    void badTrafficSpecIsOneUsageErrorLine() {
        Run r = Run.of("simulate", "-t", "fat-tree:k=4", "-T", "synthetic:load=lots", "-o", out.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err.startsWith("ebbflow: error: bad traffic spec"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void everyPolicyRunsSideBySideInOneJsonObject() throws IOException {
        Run r = Run.of("simulate", "-t", "fat-tree:k=4", "-T", TRAFFIC, "-p", "always-on,reactive,predictive,oracle",
                "--hours", "0.25", "--step", "30s", "-o", out.toString(), "--export-ports", "0", "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode p = TopologyCommandTest.oneJsonObject(r.out).get("policies");
        assertEquals(List.of("always-on", "reactive", "predictive", "oracle"), keys(p));
        for (String name : List.of("reactive", "predictive", "oracle")) {
            double f = p.get(name).get("energyFraction").asDouble();
            assertTrue(f < 1 && f >= 0.646 - 1e-6, name + " " + f);
            assertTrue(p.get(name).get("maxLinkUtilization").asDouble() <= 1 + 1e-9, name);
        }
    }

    @Test
    void unknownPolicyIsOneUsageErrorLine() {
        Run r = Run.of("simulate", "-t", "fat-tree:k=4", "-T", TRAFFIC, "-p", "always-on,clairvoyant",
                "-o", out.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err.contains("unknown policy 'clairvoyant'"), r.err);
    }

    @Test
    void missingModelFileIsAUsageError() {
        Run r = Run.of("simulate", "-t", "fat-tree:k=4", "-T", TRAFFIC, "-p", "predictive", "--model",
                out.resolve("nope.zip").toString(), "-o", out.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains("neither a model file nor"), r.err);
    }

    @Test
    void demoRunsEveryPolicyAndPrintsTheReport() {
        Run r = Run.of("demo", "--hours", "0.5", "-o", out.toString());
        assertEquals(0, r.exitCode, r::toString);
        for (String name : List.of("always-on", "reactive", "predictive", "oracle")) {
            assertTrue(r.out.contains("\n" + name + " "), r.out);
        }
        assertTrue(r.out.contains("fat-tree:k=8"), r.out);
        assertTrue(r.out.contains("report    " + out.resolve("demo-")), r.out);
    }

    @Test
    void topologyIsRequiredForSyntheticTraffic() {
        Run r = Run.of("simulate", "-T", TRAFFIC, "-o", out.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode, r::toString);
        assertTrue(r.err.contains("needs a topology"), r.err);
    }

    private static List<String> keys(JsonNode j) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = j.fieldNames(); it.hasNext();) {
            k.add(it.next());
        }
        return k;
    }
}
