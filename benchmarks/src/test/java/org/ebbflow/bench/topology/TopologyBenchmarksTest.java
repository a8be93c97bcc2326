package org.ebbflow.bench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyManager;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs each topology benchmark's workload once, untimed, and checks that it computes what the benchmark claims to
 * measure: the event mix is what it says and leaves the manager as it found it, the snapshots are the fabric's.
 */
class TopologyBenchmarksTest {
    private static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    @Test
    void eventMixHasTheRequestedSizeAndEveryKindOfEpisode() {
        TopologySnapshot fabric = FatTree.build(8);
        EventMix mix = EventMix.generate(fabric);

        assertEquals(10_000, mix.size());
        assertEquals(10_000, 2 * mix.episodes().values().stream().mapToInt(Integer::intValue).sum());
        for (EventMix.Episode e : EventMix.Episode.values()) {
            assertTrue(mix.episodes().get(e) > 0, "no " + e + " in " + mix.episodes());
        }
        assertEquals(describe(mix), describe(EventMix.generate(fabric)), "same seed, same mix");
        assertNotEquals(describe(mix), describe(EventMix.generate(fabric, 10_000, 1)), "other seed, other mix");
    }

    @Test
    void managerFedTheFabricHoldsExactlyTheFabric() {
        TopologySnapshot fabric = FatTree.build(8);
        TopologySnapshot held = Fabrics.discovered(fabric).snapshot();

        assertEquals(FatTree.switchCount(8), held.switchCount());
        assertEquals(2 * FatTree.switchLinkCount(8), held.linkCount());
        assertEquals(FatTree.hostCount(8), held.hostCount());
        assertSameFabric(fabric, held);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 48})
    void applyingTheMixLeavesTheManagerAsItFoundIt(int k) {
        DiscoveryEventBenchmark.Churn churn = new DiscoveryEventBenchmark.Churn();
        churn.k = k;
        churn.setUp();
        DiscoveryEventBenchmark benchmark = new DiscoveryEventBenchmark();
        long before = churn.manager.version();

        long afterFirst = benchmark.apply10k(churn);
        assertSameFabric(churn.fabric, churn.manager.snapshot());
        long afterSecond = benchmark.apply10k(churn);
        assertSameFabric(churn.fabric, churn.manager.snapshot());

        assertTrue(afterFirst > before + 10_000, "most steps change the model");
        assertEquals(afterFirst - before, afterSecond - afterFirst, "each application does the same changes");
    }

    @Test
    void theMixChangesTheModelWhileItRuns() {
        TopologySnapshot fabric = FatTree.build(8);
        TopologyManager manager = Fabrics.discovered(fabric);
        EventMix mix = EventMix.generate(fabric);
        EventMix.Target target = EventMix.Target.of(manager, manager);
        List<EventMix.Step> steps = mix.steps();

        steps.subList(0, steps.size() / 2).forEach(s -> s.applyTo(target));
        TopologySnapshot halfway = manager.snapshot();
        boolean changed = halfway.linkCount() != fabric.linkCount() || halfway.hostCount() != fabric.hostCount()
                || !new HashSet<>(halfway.hosts()).equals(new HashSet<>(fabric.hosts()))
                || halfway.links().stream().anyMatch(l -> l.state() != ElementState.ACTIVE);
        assertTrue(changed, "half-way through, some episodes are open");

        steps.subList(steps.size() / 2, steps.size()).forEach(s -> s.applyTo(target));
        assertSameFabric(fabric, manager.snapshot());
    }

    @Test
    void baselineWalksEveryStep() {
        DiscoveryEventBenchmark.Churn churn = new DiscoveryEventBenchmark.Churn();
        churn.k = 8;
        churn.setUp();
        long version = churn.manager.version();

        int walked = new DiscoveryEventBenchmark().baseline(churn, new Blackhole(BLACKHOLE_CHALLENGE));

        assertEquals(10_000, walked);
        assertEquals(version, churn.manager.version(), "the baseline leaves the manager alone");
    }

    @Test
    void buildReturnsTheWholeFatTree() {
        FatTreeSnapshotBenchmark.Generator generator = new FatTreeSnapshotBenchmark.Generator();
        generator.k = 8;

        TopologySnapshot built = new FatTreeSnapshotBenchmark().build(generator);

        assertEquals(FatTree.switchCount(8), built.switchCount());
        assertEquals(2 * FatTree.switchLinkCount(8), built.linkCount());
        assertEquals(FatTree.hostCount(8), built.hostCount());
    }

    @Test
    void managerSnapshotIsRebuiltAfterEachPortFlip() {
        FatTreeSnapshotBenchmark.ManagedFabric managed = new FatTreeSnapshotBenchmark.ManagedFabric();
        managed.k = 8;
        managed.setUp();
        FatTreeSnapshotBenchmark benchmark = new FatTreeSnapshotBenchmark();
        TopologySnapshot fabric = FatTree.build(8);
        ConnectPoint flipped = managed.up.connectPoint();

        TopologySnapshot down = benchmark.managerSnapshot(managed);
        assertEquals(ElementState.FAILED, down.portState(flipped));
        assertEquals(2, down.links().stream().filter(l -> l.state() == ElementState.FAILED).count(),
                "both directions of the flipped port's link fail");

        TopologySnapshot up = benchmark.managerSnapshot(managed);
        assertNotSame(down, up);
        assertTrue(up.version() > down.version());
        assertSameFabric(fabric, up);
    }

    /** Checks that a snapshot has the fabric's switches, ports, links and hosts, all active, in any numbering. */
    private static void assertSameFabric(TopologySnapshot fabric, TopologySnapshot actual) {
        assertEquals(fabric.switchCount(), actual.switchCount(), "switches");
        assertEquals(fabric.portCount(), actual.portCount(), "ports");
        assertEquals(fabric.linkCount(), actual.linkCount(), "links");
        assertEquals(fabric.hostCount(), actual.hostCount(), "hosts");
        for (int s = 0; s < fabric.switchCount(); s++) {
            int a = actual.switchIndex(fabric.switchAt(s).dpid());
            assertTrue(a >= 0, "switch " + fabric.switchAt(s) + " missing");
            assertEquals(fabric.switchAt(s), actual.switchAt(a));
            assertEquals(ElementState.ACTIVE, actual.switchState(a), "switch " + fabric.switchAt(s));
            assertEquals(fabric.portsOf(s), actual.portsOf(a));
            for (PortInfo p : actual.portsOf(a)) {
                assertEquals(ElementState.ACTIVE, actual.portState(p.connectPoint()), "port " + p);
            }
        }
        for (Link l : actual.links()) {
            assertEquals(ElementState.ACTIVE, l.state(), "no link left failed or asleep: " + l);
        }
        assertEquals(new HashSet<>(fabric.links()), new HashSet<>(actual.links()));
        assertEquals(new HashSet<>(fabric.hosts()), new HashSet<>(actual.hosts()));
    }

    private static List<String> describe(EventMix mix) {
        return mix.steps().stream().map(EventMix.Step::toString).collect(Collectors.toList());
    }
}
