package org.ebbflow.flowstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEvents;
import org.ebbflow.topology.discovery.TopologyManager;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class PortStatsCollectorTest {

    @Test
    void anAsleepSwitchsPortsReadZeroWhileItSendsNothing() {
        TopologyManager topology = new TopologyManager();
        DiscoveryEvents.describe(FatTree.build(4), 0).forEach(topology::accept);
        PortStatsCollector stats = new PortStatsCollector(topology,
                CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64));
        assertEquals(20 * 4, stats.registry().size());
        DatapathId core = FatTree.coreDpid(1);
        ConnectPoint corePort = ConnectPoint.of(core, 1);
        ConnectPoint edgePort = ConnectPoint.of(FatTree.edgeDpid(0, 1), 1);
        long bytes = 0;
        for (int poll = 0; poll <= 4; poll++) {
            long now = poll * 5_000L;
            bytes += 625_000;
            stats.accept(PortCounterSample.builder(corePort, now).bytes(bytes, bytes).build());
            stats.accept(PortCounterSample.builder(edgePort, now).bytes(bytes, bytes).build());
            stats.onCycle(now);
        }
        topology.setSwitchAsleep(core, true, 20_000);
        for (int poll = 5; poll <= 8; poll++) {
            long now = poll * 5_000L;
            bytes += 625_000;
            stats.accept(PortCounterSample.builder(edgePort, now).bytes(bytes, bytes).build());
            stats.onCycle(now);
        }
        int c = stats.registry().indexOf(corePort);
        int e = stats.registry().indexOf(edgePort);
        float[] rx = new float[8];
        stats.store().read(0, c, 8, 8, rx, null, 0);
        assertEquals(1_000_000, rx[2], 1, "awake: 625 kB per 5 s");
        for (int step = 4; step < 7; step++) {
            assertEquals(0, rx[step], "asleep: zero, not a gap");
            assertEquals(RateSink.INACTIVE, stats.store().fineFlags(c, step));
        }
        stats.store().read(0, e, 8, 8, rx, null, 0);
        assertEquals(1_000_000, rx[6], 1);
        assertTrue(stats.outcomes().get(SampleOutcome.ACCEPTED) >= 12);
    }

    @Test
    void portsThatAppearLaterAreRegisteredOnTheirFirstSample() {
        TopologyManager topology = new TopologyManager();
        PortStatsCollector stats = new PortStatsCollector(topology,
                CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64));
        ConnectPoint p = ConnectPoint.of(FatTree.edgeDpid(0, 1), 1);
        assertEquals(SampleOutcome.UNKNOWN_PORT, stats.accept(PortCounterSample.builder(p, 0).build()));
        DiscoveryEvents.describe(FatTree.build(2), 0).forEach(topology::accept);
        assertEquals(SampleOutcome.BASELINE, stats.accept(PortCounterSample.builder(p, 1).build()));
        topology.accept(DiscoveryEvent.portRemoved(p, 2));
        assertEquals(SampleOutcome.ACCEPTED, stats.accept(PortCounterSample.builder(p, 5_001).build()),
                "a port keeps its number after it disappears");
    }
}
