package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** Parses stdout as exactly one JSON object: trailing content is an error. */
    static JsonNode oneJsonObject(String out) throws IOException {
        JsonNode node = MAPPER.readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(out);
        assertEquals(JsonNodeType.OBJECT, node.getNodeType(), out);
        return node;
    }

    @Test
    void fatTreeJson() throws IOException {
        Run r = Run.of("topology", "--topology", "fat-tree:k=4", "--json");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals("", r.err);
        JsonNode j = oneJsonObject(r.out);
        assertEquals(20, j.get("switches").asInt());
        assertEquals(16, j.get("hosts").asInt());
        assertEquals(32, j.get("switchLinks").asInt());
        assertEquals(16, j.get("hostLinks").asInt());
        assertEquals(4, j.get("diameterHops").asInt());
        assertEquals(32_000_000_000L, j.get("switchCapacityBps").asLong());
        assertEquals(16_000_000_000L, j.get("hostCapacityBps").asLong());
        assertEquals("fat-tree:k=4,rate=1G,hostRate=1G", j.get("spec").asText());
        assertEquals("fat-tree", j.get("kind").asText());
    }

    @Test
    void leafSpineJsonWithRates() throws IOException {
        Run r = Run.of("topology", "-t", "leaf-spine:spines=4,leaves=8,hosts=16,rate=100G,hostRate=25G", "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = oneJsonObject(r.out);
        assertEquals(12, j.get("switches").asInt());
        assertEquals(128, j.get("hosts").asInt());
        assertEquals(32, j.get("switchLinks").asInt());
        assertEquals(128, j.get("hostLinks").asInt());
        assertEquals(2, j.get("diameterHops").asInt());
        assertEquals(32 * 100_000_000_000L, j.get("switchCapacityBps").asLong());
        assertEquals(128 * 25_000_000_000L, j.get("hostCapacityBps").asLong());
    }

    @Test
    void textSummaryFormatsRates() {
        Run r = Run.of("topology", "--topology", "fat-tree:k=4,rate=10G");
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(r.out.contains("switches         20"), r.out);
        assertTrue(r.out.contains("switch links     32"), r.out);
        assertTrue(r.out.contains("diameter         4 hops"), r.out);
        assertTrue(r.out.contains("switch capacity  320Gbit/s"), r.out);
        assertTrue(r.out.contains("host capacity    16Gbit/s"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void graphmlWithOptions() throws IOException {
        Path f = Files.writeString(dir.resolve("line.graphml"), "<?xml version=\"1.0\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "  <graph edgedefault=\"undirected\">\n"
                + "    <node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"
                + "    <edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"c\"/>\n"
                + "  </graph>\n</graphml>\n");
        Run r = Run.of("topology", "-t", "graphml:" + f + ",rate=10G,hostsPerNode=2", "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = oneJsonObject(r.out);
        assertEquals(3, j.get("switches").asInt());
        assertEquals(6, j.get("hosts").asInt());
        assertEquals(2, j.get("switchLinks").asInt());
        assertEquals(2, j.get("diameterHops").asInt());
        assertEquals(20_000_000_000L, j.get("switchCapacityBps").asLong());
        assertEquals("graphml:" + f + ",rate=10G,hostsPerNode=2", j.get("spec").asText());
    }

    @Test
    void sndlibAddsItsDemands() throws IOException {
        Path f = Files.writeString(dir.resolve("pair.xml"), "<?xml version=\"1.0\"?>\n"
                + "<network xmlns=\"http://sndlib.zib.de/network\" version=\"1.0\">\n"
                + " <meta><unit>GBITPERSEC</unit></meta>\n"
                + " <networkStructure>\n  <nodes><node id=\"A\"/><node id=\"B\"/></nodes>\n"
                + "  <links><link id=\"L1\"><source>A</source><target>B</target>\n"
                + "   <preInstalledModule><capacity>10</capacity><cost>0</cost></preInstalledModule></link></links>\n"
                + " </networkStructure>\n"
                + " <demands><demand id=\"D1\"><source>A</source><target>B</target>"
                + "<demandValue>1.5</demandValue></demand></demands>\n"
                + "</network>\n");
        Run r = Run.of("topology", "-t", "sndlib:" + f, "--json");
        assertEquals(0, r.exitCode, r::toString);
        JsonNode j = oneJsonObject(r.out);
        assertEquals(2, j.get("switches").asInt());
        assertEquals(1, j.get("switchLinks").asInt());
        assertEquals(1, j.get("demands").asInt());
        assertEquals(1.5e9, j.get("demandBps").asDouble(), 1e-3);

        Run text = Run.of("topology", "-t", "sndlib:" + f);
        assertEquals(0, text.exitCode, text::toString);
        assertTrue(text.out.contains("demands          1, 1.50Gbit/s in total"), text.out);
    }

    /** Asserts the error contract: non-zero exit, one line "ebbflow: error: ...", no stack trace. */
    static String oneErrorLine(Run r, int exitCode) {
        assertEquals(exitCode, r.exitCode, r::toString);
        assertEquals("", r.out);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("ebbflow: error: "), line);
        assertFalse(r.err.contains("Exception"), r.err);
        assertFalse(r.err.contains("at org."), r.err);
        return line.substring("ebbflow: error: ".length());
    }

    @Test
    void unknownKind() {
        assertEquals("unknown topology kind 'torus' (valid kinds: fat-tree, leaf-spine, graphml, sndlib)",
                oneErrorLine(Run.of("topology", "--topology", "torus:n=3"), 2));
    }

    @Test
    void oddAndOutOfRangeK() {
        assertEquals("fat-tree k must be an even number from 2 to 64, got 7",
                oneErrorLine(Run.of("topology", "--topology", "fat-tree:k=7"), 2));
        assertEquals("fat-tree k must be an even number from 2 to 64, got 66",
                oneErrorLine(Run.of("topology", "--topology", "fat-tree:k=66", "--json"), 2));
    }

    @Test
    void missingGraphmlFile() {
        Path missing = dir.resolve("none.graphml");
        assertEquals("graphml file not found: " + missing,
                oneErrorLine(Run.of("topology", "--topology", "graphml:" + missing), 2));
    }

    @Test
    void truncatedGraphmlIsARunFailure() throws IOException {
        Path f = Files.writeString(dir.resolve("cut.graphml"), "<?xml version=\"1.0\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <graph edgedefault=\"undirected\">\n"
                + "    <node id=\"0\"/>\n    <node id=");
        String message = oneErrorLine(Run.of("topology", "--topology", "graphml:" + f, "--json"), 1);
        assertTrue(message.startsWith(f.toString()), message);
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() {
        for (String[] args : new String[][] {
            {"--verbose", "topology", "--topology", "fat-tree:k=7"},
            {"topology", "--topology", "fat-tree:k=7", "-v"}}) {
            Run r = Run.of(args);
            assertEquals(2, r.exitCode, r::toString);
            assertEquals("ebbflow: error: fat-tree k must be an even number from 2 to 64, got 7", r.errLines().get(0));
            assertTrue(r.err.contains("TopologySpecException"), r.err);
            assertTrue(r.err.contains("at org.ebbflow."), r.err);
        }
    }

    @Test
    void missingOptionIsAPicocliUsageError() {
        Run r = Run.of("topology");
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.startsWith("Missing required option: '--topology=SPEC'"), r.err);
        assertTrue(r.err.contains("Usage: ebbflow topology"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void unknownOptionIsAPicocliUsageError() {
        Run r = Run.of("topology", "-t", "fat-tree:k=4", "--jsn");
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.startsWith("Unknown option: '--jsn'"), r.err);
        assertEquals("", r.out);
    }
}
