package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final String FAT_TREE = "fat-tree:k=4";
    private static final String RANDOM = "random:pairs=8,seed=3,load=0.2,locality=mixed";

    @TempDir
    Path dir;

    @Test
    void jsonHasTheContractFields() throws IOException {
        Run r = Run.of("plan", "--topology", FAT_TREE, "--demands", RANDOM, "--policy", "topology-aware", "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = TopologyCommandTest.oneJsonObject(r.out);
        for (String f : new String[] {"powerWatts", "allOnWatts", "activeSwitches", "asleepSwitches",
            "maxLinkUtilization", "refusedDemands", "invariantsHold"}) {
            assertTrue(j.has(f), f + " missing: " + r.out);
        }
        assertTrue(j.get("invariantsHold").asBoolean(), r.out);
        assertEquals(20, j.get("activeSwitches").asInt() + j.get("asleepSwitches").asInt());
        assertTrue(j.get("powerWatts").asDouble() <= j.get("allOnWatts").asDouble());
        assertTrue(!j.has("gap"));
    }

    @Test
    void optimalAddsOptimumAndGap() throws IOException {
        Run r = Run.of("plan", "-t", FAT_TREE, "-d", RANDOM, "--optimal", "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = TopologyCommandTest.oneJsonObject(r.out);
        double gap = j.get("gap").asDouble();
        assertEquals(j.get("powerWatts").asDouble() / j.get("optimalWatts").asDouble() - 1, gap, 1e-9);
        assertTrue(gap >= -1e-6, r.out);
        assertEquals("OPTIMAL", j.get("optimalStatus").asText());
        double subset = j.get("minimumSubsetWatts").asDouble();
        assertTrue(subset <= j.get("optimalWatts").asDouble() + 1e-6, r.out);
        assertEquals(j.get("powerWatts").asDouble() / subset - 1, j.get("gapToMinimumSubset").asDouble(), 1e-9);
    }

    @Test
    void sndlibDemandsOnTheirNetwork() throws IOException {
        String file = "/work/shared/data/sndlib-networks/abilene.xml";
        if (!Files.exists(Path.of(file))) {
            return;
        }
        Run r = Run.of("plan", "-t", "sndlib:" + file, "-d", "sndlib:" + file, "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = TopologyCommandTest.oneJsonObject(r.out);
        assertTrue(j.get("demands").asInt() > 0);
        assertTrue(j.get("invariantsHold").asBoolean(), r.out);
    }

    @Test
    void csvDemandsAndTheirErrors() throws IOException {
        Run ok = Run.of("plan", "-t", FAT_TREE, "-d", "csv:" + csv("ok.csv", "src,dst,rateBps,class",
                "h0_1_1,h3_2_2,100M,bulk"), "--json");
        assertEquals(0, ok.exitCode, ok::toString);
        assertEquals(1, TopologyCommandTest.oneJsonObject(ok.out).get("demands").asInt());
        assertError(csv("host.csv", "h0_1_1,h3_2_2,100M,bulk", "h0_1_1,nosuchhost,1M,bulk"), "line 2", "nosuchhost");
        assertError(csv("rate.csv", "h0_1_1,h0_1_2,-5M,bulk"), "line 1", "negative");
        assertError(csv("class.csv", "h0_1_1,h0_1_2,5M,bulk", "h1_1_1,h1_1_2,5M,urgent"), "line 2", "urgent");
    }

    @Test
    void badSpecsAreUsageErrors() {
        Run r = Run.of("plan", "-t", FAT_TREE, "-d", "poisson:x=1");
        assertEquals(ExitCodes.USAGE, r.exitCode, r::toString);
        assertTrue(r.err.startsWith(ErrorReport.PREFIX + "unknown demand spec"), r.err);
        Run p = Run.of("plan", "-t", FAT_TREE, "-d", RANDOM, "--policy", "cheapest");
        assertEquals(ExitCodes.USAGE, p.exitCode, p::toString);
        Run big = Run.of("plan", "-t", "fat-tree:k=8", "-d", RANDOM, "--optimal");
        assertEquals(ExitCodes.USAGE, big.exitCode, big::toString);
        assertTrue(big.err.contains("too large for the exact MILP"), big.err);
    }

    private String csv(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return p.toString();
    }

    private static void assertError(String path, String line, String word) {
        Run r = Run.of("plan", "-t", FAT_TREE, "-d", "csv:" + path);
        assertEquals(ExitCodes.USAGE, r.exitCode, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err.startsWith(ErrorReport.PREFIX + "demands csv:"), r.err);
        assertTrue(r.err.contains(line) && r.err.toLowerCase().contains(word), r.err);
    }
}
