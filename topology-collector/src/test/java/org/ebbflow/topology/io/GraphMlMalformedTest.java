package org.ebbflow.topology.io;

import static org.ebbflow.topology.io.SnapshotChecks.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every malformed GraphML input ends in a {@link TopologyFormatException} naming file, line and field. */
class GraphMlMalformedTest {
    @TempDir
    Path dir;

    @Test
    void truncatedFileNamesFileAndLastLine() throws IOException {
        List<String> lines = Files.readAllLines(resource("/topology-zoo/Abilene.graphml"), StandardCharsets.UTF_8);
        // 150 whole lines, then half of line 151 (inside an <edge>) and no newline: the file ends on line 151.
        String cut = String.join("\n", lines.subList(0, 150)) + "\n" + lines.get(150).substring(0, 10);
        Path file = write("Abilene-truncated.graphml", cut);

        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(file));

        assertEquals(file, e.file());
        assertEquals(151, e.line());
        assertTrue(e.getMessage().startsWith(file + ":151: "), e.getMessage());
        assertTrue(e.getMessage().contains("Abilene-truncated.graphml"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void nonNumericLinkSpeedRawNamesLineAndField() {
        Path file = resource("/graphml/bad-speed.graphml");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(file));

        assertEquals(9, e.line());
        assertEquals("LinkSpeedRaw", e.field());
        assertEquals(file + ":9: LinkSpeedRaw: not a number: '10 Gbit/s'", e.getMessage());
        assertTrue(e.getCause() instanceof NumberFormatException);
    }

    @Test
    void edgeToUnknownNodeNamesLineAndField() {
        Path file = resource("/graphml/unknown-node.graphml");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(file));

        assertEquals(8, e.line());
        assertEquals("target", e.field());
        assertEquals(file + ":8: target: unknown node '7'", e.getMessage());
    }

    @Test
    void nodeWithoutIdNamesLineAndField() {
        Path file = resource("/graphml/missing-node-id.graphml");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(file));

        assertEquals(6, e.line());
        assertEquals("id", e.field());
        assertTrue(e.getMessage().startsWith(file + ":6: id: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "-1e9", "Infinity", "2e15"})
    void linkSpeedRawOutOfRangeIsRejected(String speed) throws IOException {
        Path file = write("speed.graphml", graph("<key attr.name=\"LinkSpeedRaw\" for=\"edge\" id=\"s\"/>",
                "<node id=\"x\"/>\n<node id=\"y\"/>\n<edge source=\"x\" target=\"y\">\n<data key=\"s\">" + speed
                        + "</data>\n</edge>"));
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(file));

        assertEquals(8, e.line());
        assertEquals("LinkSpeedRaw", e.field());
    }

    @Test
    void edgeWithoutSourceAndDuplicateNodeIdsAreRejected() throws IOException {
        Path noSource = write("nosource.graphml", graph("", "<node id=\"x\"/>\n<edge target=\"x\"/>"));
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(noSource));
        assertEquals(6, e.line());
        assertEquals("source", e.field());

        Path duplicate = write("duplicate.graphml", graph("", "<node id=\"x\"/>\n<node id=\"x\"/>"));
        e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(duplicate));
        assertEquals(6, e.line());
        assertEquals("id", e.field());
    }

    @Test
    void notGraphMlIsRejected() throws IOException {
        Path other = write("other.xml", "<?xml version=\"1.0\"?>\n<network/>\n");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(other));
        assertEquals(2, e.line());
        assertNull(e.field());

        Path text = write("text.graphml", "source,target\n1,2\n");
        e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(text));
        assertEquals(1, e.line());
        assertOneLine(e);

        Path empty = write("empty.graphml", "");
        e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
    }

    @Test
    void externalEntitiesAreNotResolved() throws IOException {
        Path secret = write("secret.txt", "do-not-read");
        Path file = write("xxe.graphml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<key attr.name=\"label\" for=\"node\" id=\"l\"/>\n"
                + "<graph><node id=\"x\"><data key=\"l\">&xxe;</data></node></graph>\n"
                + "</graphml>\n");

        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> GraphMlLoader.load(file));
        assertEquals(5, e.line());
        assertFalse(e.getMessage().contains("do-not-read"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoProblemNotAFormatProblem() {
        assertThrows(UncheckedIOException.class, () -> GraphMlLoader.load(dir.resolve("absent.graphml")));
    }

    /**
     * @return a GraphML document: the header on lines 1-2, keys on line 3, {@code <graph>} on line 4, then content
     *     from line 5 on
     */
    private static String graph(String keys, String content) {
        return "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" + keys
                + "\n<graph edgedefault=\"undirected\">\n" + content + "\n</graph>\n</graphml>\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertOneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }
}
