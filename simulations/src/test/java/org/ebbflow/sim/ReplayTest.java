package org.ebbflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.ebbflow.sim.traffic.DemandBatch;
import org.ebbflow.sim.traffic.TrafficSource;
import org.ebbflow.sim.traffic.TrafficSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays on small files written here (the real data sets stay in ../shared/data and are not needed). */
class ReplayTest {
    private static final String SNDLIB = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <network xmlns="http://sndlib.zib.de/network" version="1.0">
             <networkStructure>
              <nodes coordinatesType="geographical">
               <node id="A"><coordinates><x>0</x><y>0</y></coordinates></node>
               <node id="B"><coordinates><x>1</x><y>0</y></coordinates></node>
               <node id="C"><coordinates><x>2</x><y>0</y></coordinates></node>
              </nodes>
              <links>
               <link id="L1"><source>A</source><target>B</target>
                <preInstalledModule><capacity>1000.0</capacity><cost>0</cost></preInstalledModule></link>
               <link id="L2"><source>B</source><target>C</target>
                <preInstalledModule><capacity>1000.0</capacity><cost>0</cost></preInstalledModule></link>
              </links>
             </networkStructure>
             <demands></demands>
            </network>
            """;

    @TempDir
    Path dir;

    @Test
    void abileneFormatReplaysBetweenTheNamedNodesHosts() throws IOException {
        Path net = Files.writeString(dir.resolve("net.xml"), SNDLIB);
        Path csv = Files.writeString(dir.resolve("tm.csv"),
                "time,A->C,C->A,A->B\n20040301-0000,100,50,\n20040301-0005,200,,10\n");
        Scenario s = Scenario.of("sndlib:" + net, "abilene:" + csv);
        SimResult r = new Simulator(s, SimConfig.defaults(10 / 60.0, 1), List.of(new AlwaysOnPolicy()))
                .run(SimListener.NONE);
        assertEquals(java.time.Instant.parse("2004-03-01T00:00:00Z").toEpochMilli(), r.startMillis());
        // 5 minutes at 150 Mbit/s, then 5 minutes at 210 Mbit/s.
        assertEquals((150e6 + 210e6) * 300 / 8, r.policies().get(0).summary().offeredBytes(), 1e3);
        assertEquals(150e6, r.policies().get(0).series().offeredBps(0), 1e-3);
        assertEquals(210e6, r.policies().get(0).series().offeredBps(60), 1e-3);
        assertEquals(0, r.policies().get(0).summary().undeliveredFraction(), 1e-12);
    }

    @Test
    void abileneOnATopologyWithoutItsNodesFails() throws IOException {
        Path csv = Files.writeString(dir.resolve("tm.csv"), "time,X->Y\n20040301-0000,1\n20040301-0005,2\n");
        Scenario s = Scenario.of("fat-tree:k=4", "abilene:" + csv);
        assertThrows(TrafficSpecException.class, () -> s.traffic(s.topology(), 1, 0, 60_000, 5_000));
    }

    @Test
    void fbpodBuildsAMeshAndPlaysAMatrixPerStep() throws IOException {
        Files.writeString(dir.resolve("1.hist"), "0 1000 0 0 0 2000 3000 0 0\n0 10 0 0 0 20 30 0 0\n");
        Scenario s = Scenario.of(null, "fbpod:" + dir);
        assertEquals("pod-mesh:pods=3", s.topologyText());
        assertEquals(3, s.topology().switchCount());
        assertEquals(6, s.topology().linkCount());
        assertEquals(10e9, s.topology().linkCapacityBps(0), 0);
        TrafficSource t = s.traffic(s.topology(), 1, 0, 20_000, 5_000);
        DemandBatch b = new DemandBatch(8);
        t.next(0, 5_000, b);
        assertEquals(6e9, b.totalBps(), 1);
        t.next(5_000, 5_000, b);
        assertEquals(60e6, b.totalBps(), 1);
        t.next(10_000, 5_000, b);
        assertEquals(6e9, b.totalBps(), 1, "starts again after the last matrix");
        assertThrows(TrafficSpecException.class, () -> Scenario.of("fat-tree:k=4", "fbpod:" + dir));
        Files.writeString(dir.resolve("pod.json"), "{\"directed\": true, \"nodes\": [], \"links\": "
                + "[{\"capacity\": 5000.0, \"source\": 0, \"target\": 1}]}");
        assertEquals(5e9, Scenario.of(null, "fbpod:" + dir).topology().linkCapacityBps(0), 0,
                "capacity from the FIGRET topology file");
        Files.delete(dir.resolve("pod.json"));
        Files.writeString(dir.resolve("1.hist"), "0 1 1 0\n");
        Scenario scaled = Scenario.of(null, "fbpod:" + dir + ",scale=1e9");
        assertEquals(10_000e9, scaled.topology().linkCapacityBps(0), 0);
        assertTrue(scaled.traffic(scaled.topology(), 1, 0, 5_000, 5_000) != null);
    }
}
