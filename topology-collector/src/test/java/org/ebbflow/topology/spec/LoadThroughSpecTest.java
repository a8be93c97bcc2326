package org.ebbflow.topology.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ebbflow.topology.TopologySummary;
import org.ebbflow.topology.io.SndlibNetwork;
import org.ebbflow.topology.io.TopologyFormatException;
import org.junit.jupiter.api.Test;

/** The file kinds end to end, on the loaders' test files. */
class LoadThroughSpecTest {
    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(LoadThroughSpecTest.class.getResource(name).toURI());
    }

    @Test
    void graphmlOptionsReachTheLoader() throws URISyntaxException {
        Path abilene = resource("/topology-zoo/Abilene.graphml");
        TopologySummary plain = TopologySummary.of(TopologySpec.parse("graphml:" + abilene).build());
        assertEquals(11, plain.switches());
        assertEquals(14, plain.switchLinks());
        assertEquals(11, plain.hosts(), "the loader's default: one host per node");

        TopologySummary tuned = TopologySummary.of(
                TopologySpec.parse("graphml:" + abilene + ",rate=10G,hostsPerNode=2,hostRate=1G").build());
        assertEquals(14 * 10_000_000_000L, tuned.switchCapacityBps(), "Abilene has no LinkSpeedRaw");
        assertEquals(22, tuned.hosts());
        assertEquals(22 * 1_000_000_000L, tuned.hostCapacityBps());

        assertEquals(0, TopologySummary.of(TopologySpec.parse("graphml:" + abilene + ",hostsPerNode=0").build())
                .hosts());
    }

    @Test
    void sndlibGivesTheNetworkAndItsDemands() throws URISyntaxException {
        TopologySpec spec = TopologySpec.parse("sndlib:" + resource("/sndlib/ring4.xml"));
        SndlibNetwork net = spec.loadSndlib();
        assertEquals(4, net.demands().size());
        assertEquals(4, net.snapshot().switchCount());
        TopologySummary s = TopologySummary.of(spec.build());
        assertEquals(4, s.switches());
        assertEquals(4, s.switchLinks());
    }

    @Test
    void malformedFilesFailWhenBuiltWithTheLoadersOneLineMessage() throws URISyntaxException {
        TopologySpec spec = TopologySpec.parse("graphml:" + resource("/graphml/unknown-node.graphml"));
        TopologyFormatException e = assertThrows(TopologyFormatException.class, spec::build);
        assertTrue(e.getMessage().contains("unknown-node.graphml:"), e.getMessage());
    }
}
