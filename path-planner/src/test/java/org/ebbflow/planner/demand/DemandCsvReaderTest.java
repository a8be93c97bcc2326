package org.ebbflow.planner.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

/** CSV demands: names, MACs and IPs resolve; every bad line is an error naming the line and the field. */
class DemandCsvReaderTest {
    private static final TopologySnapshot FAT_TREE = FatTree.build(4);

    private static DemandSet read(String text) {
        return DemandCsvReader.read(new StringReader(text), FAT_TREE);
    }

    private static String error(String text) {
        return assertThrows(DemandException.class, () -> read(text)).getMessage();
    }

    @Test
    void readsNamesMacsAndIpsWithSuffixesAndOptionalUpperBound() {
        DemandSet s = read("src,dst,rateBps,class\n# a comment\n\n"
                + "h0_1_1,h1_1_1,10M,bulk\n"
                + "00:00:00:00:01:02, 10.3.2.1 ,1.5G,latency-sensitive,2G\n"
                + "h0_1_1,h0_1_2,0,gb\n");
        assertEquals(3, s.size());
        Demand d0 = s.get(0);
        assertEquals(FAT_TREE.hostIndex(FatTree.hostMac(0, 1, 1)), d0.source());
        assertEquals(FAT_TREE.hostIndex(FatTree.hostMac(1, 1, 1)), d0.destination());
        assertEquals(10e6, d0.meanBps());
        assertEquals(10e6, d0.upperBps());
        Demand d1 = s.get(1);
        assertEquals(FAT_TREE.hostIndex(FatTree.hostMac(0, 1, 2)), d1.source());
        assertEquals(FAT_TREE.hostIndex(FatTree.hostMac(3, 2, 1)), d1.destination());
        assertEquals(1.5e9, d1.meanBps());
        assertEquals(2e9, d1.upperBps());
        assertEquals(DemandClass.LATENCY_SENSITIVE, d1.demandClass());
        assertEquals(DemandClass.GUARANTEED, s.get(2).demandClass());
        assertEquals(2, s.get(2).id());
    }

    @Test
    void badLinesNameTheLineAndTheField() {
        assertEquals("line 3: src: unknown host 'h9_9_9' (the topology has 16 hosts; name them by host name, MAC or "
                + "IP)",
                error("src,dst,rateBps,class\nh0_1_1,h1_1_1,1M,bulk\nh9_9_9,h1_1_1,1M,bulk\n"));
        assertEquals("line 1: rateBps: negative rate -5M", error("h0_1_1,h1_1_1,-5M,bulk\n"));
        assertEquals("line 1: rateBps: not a rate 'fast' (expected e.g. 10M)", error("h0_1_1,h1_1_1,fast,bulk\n"));
        assertEquals("line 2: class: unknown demand class 'gold' (valid: guaranteed, latency-sensitive, bulk)",
                error("\nh0_1_1,h1_1_1,1M,gold\n"));
        assertEquals("line 1: expected 4 or 5 fields (src,dst,rateBps,class[,upperBps]), got 3",
                error("h0_1_1,h1_1_1,1M\n"));
        assertEquals("line 1: src and dst are the same endpoint 'h0_1_1'", error("h0_1_1,h0_1_1,1M,bulk\n"));
        assertEquals("line 1: upperBps 1000000.0 is below rateBps 2000000.0", error("h0_1_1,h1_1_1,2M,bulk,1M\n"));
        assertEquals("line 1: rateBps: rate must be finite: 1e400", error("h0_1_1,h1_1_1,1e400,bulk\n"));
        assertEquals(2, assertThrows(DemandException.class, () -> read("\nh0_1_1,x,1M,bulk\n")).line());
    }

    @Test
    void hostlessTopologiesNameSwitches() {
        TopologySnapshot wan = RandomTopologies.connected(1, 5, 0.3, 0);
        DemandSet s = DemandCsvReader.read(new StringReader("n0,n4,1G,bulk\n"), wan);
        assertEquals(EndpointKind.SWITCH, s.get(0).kind());
        assertEquals(4, s.get(0).destination());
        assertEquals("line 1: dst: unknown switch 'h0_1_1' (the topology has 5 switches; name them by switch name)",
                assertThrows(DemandException.class, () -> DemandCsvReader.read(new StringReader("n0,h0_1_1,1G,bulk"),
                        wan)).getMessage());
    }
}
