package org.ebbflow.topology.io;

import static org.ebbflow.topology.io.GraphMlLoaderTest.capacities;
import static org.ebbflow.topology.io.GraphMlLoaderTest.host;
import static org.ebbflow.topology.io.GraphMlLoaderTest.names;
import static org.ebbflow.topology.io.SnapshotChecks.assertConsistent;
import static org.ebbflow.topology.io.SnapshotChecks.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SndlibLoaderTest {
    private static final long G = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void ringKeepsNodeIdsAsNamesInFileOrder() {
        SndlibNetwork net = SndlibLoader.load(resource("/sndlib/ring4.xml"));
        TopologySnapshot s = net.snapshot();

        // The file is ISO-8859-1: the parser must honour the declaration to read "Zürich".
        assertEquals(List.of("A", "B", "C", "Zürich"), names(s));
        assertEquals(DatapathId.of(4), s.switchAt(3).dpid());
        assertEquals(SwitchRole.OTHER, s.switchAt(3).role());
        assertEquals(8, s.linkCount());
        assertEquals("GBITPERSEC", net.unit());
        assertConsistent(s);
    }

    @Test
    void capacityIsPreInstalledElseTheLargestModuleInTheFilesUnit() {
        TopologySnapshot s = SndlibLoader.load(resource("/sndlib/ring4.xml")).snapshot();

        // L1: pre-installed 10 beats the 40 module; L2: modules 2.5, 40, 10 give 40;
        // L3: pre-installed 0 counts as none, so its 100 module; L4: pre-installed 1. All in Gbit/s.
        assertEquals(List.of(10 * G), capacities(s, "A", "B"));
        assertEquals(List.of(40 * G), capacities(s, "C", "B"));
        assertEquals(List.of(100 * G), capacities(s, "C", "Zürich"));
        assertEquals(List.of(G), capacities(s, "A", "Zürich"));
    }

    @Test
    void oneHostPerNodeWithTheSumOfItsLinks() {
        TopologySnapshot s = SndlibLoader.load(resource("/sndlib/ring4.xml")).snapshot();

        assertEquals(4, s.hostCount());
        HostEndpoint a = host(s, "A-h1");
        assertEquals(11 * G, a.linkBps());
        assertEquals(1, a.attachment().portNumber());
        assertEquals(MacAddress.parse("02:00:00:01:00:01"), a.mac());
        assertEquals(List.of(IpAddress.parse("10.0.1.1")), a.ips());
        assertEquals(140 * G, host(s, "C-h1").linkBps());
        assertEquals(101 * G, host(s, "Zürich-h1").linkBps());
        assertEquals(3, s.switchAt(0).portCount());
    }

    @Test
    void demandsAreConvertedAndKeptInFileOrderWithDuplicates() {
        List<SndlibNetwork.Demand> demands = SndlibLoader.load(resource("/sndlib/ring4.xml")).demands();

        assertEquals(4, demands.size());
        assertEquals(new SndlibNetwork.Demand("D1", "A", "C", 1.5e9), demands.get(0));
        assertEquals(new SndlibNetwork.Demand("D2", "B", "Zürich", 0.25e9), demands.get(1));
        assertEquals(0.0, demands.get(2).bps());
        assertEquals("D4", demands.get(3).id());
        assertEquals(2e9, demands.get(3).bps());
        assertThrows(UnsupportedOperationException.class, () -> demands.remove(0));
    }

    @ParameterizedTest
    @CsvSource({"BITSPERSEC, 1", "KBITPERSEC, 1e3", "MBITPERSEC, 1e6", "GBITPERSEC, 1e9", "gbitpersec, 1e9",
            "'', 1e6"})
    void unitsConvertCapacitiesAndDemands(String unit, double bpsPerUnit) throws IOException {
        String meta = unit.isEmpty() ? "" : "<meta><unit>" + unit + "</unit></meta>\n";
        Path file = write("unit.xml", network(meta, "B", "<preInstalledModule><capacity>3000</capacity>"
                + "</preInstalledModule>", "2.0"));

        SndlibNetwork net = SndlibLoader.load(file);

        assertEquals(Math.round(3000 * bpsPerUnit), net.snapshot().linkCapacityBps(0));
        assertEquals(2.0 * bpsPerUnit, net.demands().get(0).bps(), 1e-9 * bpsPerUnit);
        assertEquals(unit.isEmpty() ? "MBITPERSEC" : unit.toUpperCase(Locale.ROOT), net.unit());
    }

    @Test
    void badDemandValueNamesLineAndField() {
        Path file = resource("/sndlib/bad-demand.xml");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> SndlibLoader.load(file));

        assertEquals(26, e.line());
        assertEquals("demandValue", e.field());
        assertEquals(file + ":26: demandValue: not a number: 'lots'", e.getMessage());
    }

    @Test
    void linkToUnknownNodeNamesLineAndField() {
        Path file = resource("/sndlib/unknown-node.xml");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> SndlibLoader.load(file));

        assertEquals(15, e.line());
        assertEquals("target", e.field());
        assertEquals(file + ":15: target: unknown node 'E'", e.getMessage());
    }

    @Test
    void unknownUnitNamesLineAndField() {
        Path file = resource("/sndlib/unknown-unit.xml");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> SndlibLoader.load(file));

        assertEquals(5, e.line());
        assertEquals("unit", e.field());
        assertTrue(e.getMessage().startsWith(file + ":5: unit: unknown unit 'TBITPERSEC'"), e.getMessage());
    }

    @Test
    void linkWithoutCapacityNamesLineAndField() {
        Path file = resource("/sndlib/no-capacity.xml");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> SndlibLoader.load(file));

        assertEquals(13, e.line());
        assertEquals("capacity", e.field());
        assertTrue(e.getMessage().contains("'L1'"), e.getMessage());
    }

    @Test
    void demandToUnknownNodeAndNegativeValuesAreRejected() throws IOException {
        String pre = "<preInstalledModule><capacity>1</capacity></preInstalledModule>";
        Path badCapacity = write("neg.xml", network("", "B", "<preInstalledModule><capacity>-1</capacity>"
                + "</preInstalledModule>", "1"));
        TopologyFormatException e = assertThrows(TopologyFormatException.class,
                () -> SndlibLoader.load(badCapacity));
        assertEquals("capacity", e.field());
        assertEquals(9, e.line());

        Path negativeDemand = write("negdemand.xml", network("", "B", pre, "-3"));
        e = assertThrows(TopologyFormatException.class, () -> SndlibLoader.load(negativeDemand));
        assertEquals("demandValue", e.field());
        assertEquals(15, e.line());

        Path unknownDemandEnd = write("demand.xml", network("", "B", pre, "1").replace("<source>B</source>",
                "<source>Q</source>"));
        e = assertThrows(TopologyFormatException.class, () -> SndlibLoader.load(unknownDemandEnd));
        assertEquals("source", e.field());
        assertEquals(13, e.line());
    }

    @Test
    void selfLoopLinkIsDropped() throws IOException {
        Path file = write("loop.xml", network("", "A", "<preInstalledModule><capacity>1</capacity>"
                + "</preInstalledModule>", "1"));
        SndlibNetwork net = SndlibLoader.load(file);
        assertEquals(0, net.snapshot().linkCount());
        assertEquals(2, net.snapshot().switchCount());
        assertEquals(1, net.demands().size());
    }

    /**
     * @return a two-node network: meta (may be empty) on line 3, link L1 from A to {@code target} with its module
     *     element on line 9, demand D1 from B to A with source on line 13 and value on line 15
     */
    private static String network(String meta, String target, String module, String demand) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<network xmlns=\"http://sndlib.zib.de/network\" version=\"1.0\">\n"
                + meta + (meta.isEmpty() ? "\n" : "")
                + "<networkStructure>\n"
                + "<nodes><node id=\"A\"/><node id=\"B\"/></nodes>\n"
                + "<links>\n"
                + "<link id=\"L1\">\n"
                + "<source>A</source><target>" + target + "</target>\n"
                + module + "\n"
                + "</link>\n"
                + "</links></networkStructure>\n"
                + "<demands><demand id=\"D1\">\n"
                + "<source>B</source>\n"
                + "<target>A</target>\n"
                + "<demandValue>" + demand + "</demandValue>\n"
                + "</demand></demands>\n"
                + "</network>\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));
    }
}
