package org.ebbflow.topology.spec;

import static org.ebbflow.topology.spec.TopologySpecTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of the file kinds; loading is the loaders' business and tested with them. */
class FileSpecTest {
    @TempDir
    Path dir;

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "<graphml/>");
    }

    @Test
    void graphmlWithOptionsInCanonicalOrder() throws IOException {
        Path f = file("Abilene.graphml");
        TopologySpec spec = TopologySpec.parse("graphml:" + f + ",hostsPerNode=2,RATE=10G");
        assertEquals(TopologySpec.Kind.GRAPHML, spec.kind());
        assertEquals("graphml:" + f + ",rate=10G,hostsPerNode=2", spec.toString());
        assertEquals(spec, TopologySpec.parse(spec.toString()));
        assertEquals("graphml:" + f, TopologySpec.parse("graphml: " + f + " ").toString());
        assertEquals("graphml:" + f + ",hostRate=100M",
                TopologySpec.parse("graphml:" + f + ",hostRate=1e8").toString());
    }

    @Test
    void optionsAreSplitOffTheEndSoPathsMayHoldCommas() throws IOException {
        Path f = file("a,b, c d.graphml");
        assertEquals("graphml:" + f + ",rate=1G", TopologySpec.parse("graphml:" + f + ",rate=1G").toString());
        assertEquals("graphml:" + f, TopologySpec.parse("graphml:" + f).toString());
    }

    @Test
    void aPathThatEndsLikeAnOptionIsReadAsOneAndRejected() throws IOException {
        Path f = file("net,x=1");
        assertEquals("unknown graphml parameter 'x' (valid: rate, hostRate, hostsPerNode)",
                fails("graphml:" + f).getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.graphml");
        assertEquals("graphml file not found: " + missing, fails("graphml:" + missing).getMessage());
        assertEquals("graphml file not found: " + missing, fails("graphml:" + missing + ",rate=1G").getMessage());
        assertEquals("sndlib file not found: " + missing, fails("sndlib:" + missing).getMessage());
        assertEquals("graphml file not found: nets/none.graphml", fails("graphml:nets/none.graphml").getMessage());
    }

    @Test
    void directoriesAndEmptyPathsAreRejected() {
        assertEquals("graphml path is not a regular file: " + dir, fails("graphml:" + dir).getMessage());
        assertEquals("graphml spec needs a file path, e.g. graphml:nets/Abilene.graphml",
                fails("graphml:,rate=1G").getMessage());
        assertTrue(fails("graphml:").getMessage().startsWith("graphml spec needs parameters"));
    }

    @Test
    void graphmlOptionsAreChecked() throws IOException {
        Path f = file("g.graphml");
        assertEquals("unknown graphml parameter 'hosts' (valid: rate, hostRate, hostsPerNode)",
                fails("graphml:" + f + ",hosts=2").getMessage());
        assertEquals("graphml hostsPerNode must be from 0 to 254, got -1",
                fails("graphml:" + f + ",hostsPerNode=-1").getMessage());
        assertEquals("graphml hostsPerNode must be an integer, got 'two'",
                fails("graphml:" + f + ",hostsPerNode=two").getMessage());
        assertEquals("graphml rate must be a positive rate such as 10G, 100M or 1e9, got '-1G'",
                fails("graphml:" + f + ",rate=-1G").getMessage());
        assertEquals("graphml parameter 'rate' is given twice",
                fails("graphml:" + f + ",rate=1G,rate=2G").getMessage());
    }

    @Test
    void sndlibTakesNoParameters() throws IOException {
        Path f = file("abilene.xml");
        TopologySpec spec = TopologySpec.parse("SNDLIB:" + f);
        assertEquals(TopologySpec.Kind.SNDLIB, spec.kind());
        assertEquals("sndlib:" + f, spec.toString());
        assertEquals("unknown sndlib parameter 'rate' (sndlib takes no parameters)",
                fails("sndlib:" + f + ",rate=1G").getMessage());
    }

    @Test
    void splittingKeepsTheOptionsInOrder() {
        assertEquals(Arrays.asList("p,q", "a=1", " b = 2"), SpecParams.splitPathAndOptions(" p,q,a=1, b = 2"));
        assertEquals(Arrays.asList("p,1=2"), SpecParams.splitPathAndOptions("p,1=2"));
    }
}
