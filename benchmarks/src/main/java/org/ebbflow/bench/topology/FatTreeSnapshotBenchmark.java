package org.ebbflow.bench.topology;

import java.util.concurrent.TimeUnit;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.TopologyManager;
import org.ebbflow.topology.generate.FatTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a whole {@link TopologySnapshot} of a k-ary fat-tree, in milliseconds per snapshot:
 *
 * <ul>
 *   <li>{@link #build}: {@code FatTree.build(k)}, the generator writing straight into a snapshot builder (the cost
 *       the simulator and the tests pay per fabric);</li>
 *   <li>{@link #managerSnapshot}: one port of a {@link TopologyManager} holding the fabric changes state (carrier lost
 *       or regained, alternately), then {@code snapshot()} rebuilds the snapshot from the manager's records: the cost
 *       the control cycle pays once per cycle after any change.</li>
 * </ul>
 *
 * <p>Target: under 300 ms per snapshot at k=48 (2,880 switches, 138,240 ports, 110,592 directed links, 27,648 hosts).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class FatTreeSnapshotBenchmark {

    /** The generator's size: nothing is built ahead, building is what is measured. */
    @State(Scope.Benchmark)
    public static class Generator {
        /** The fat-tree's arity. */
        @Param({"8", "16", "32", "48"})
        public int k;
    }

    /** A manager holding a whole fat-tree, and the port whose state each invocation flips. */
    @State(Scope.Benchmark)
    public static class ManagedFabric {
        /** The fat-tree's arity. */
        @Param({"8", "16", "32", "48"})
        public int k;

        TopologyManager manager;
        PortInfo up;
        PortInfo down;
        boolean isDown;
        long clockMillis;

        /** Builds the fabric, feeds it to a new manager and takes a first snapshot. */
        @Setup(Level.Trial)
        public void setUp() {
            TopologySnapshot fabric = FatTree.build(k);
            manager = Fabrics.discovered(fabric);
            // An aggregation-to-core uplink: its state reaches two directed links.
            ConnectPoint cp = fabric.link(fabric.linkCount() - 1).src();
            up = fabric.port(cp);
            down = up.withStatus(true, false);
            manager.snapshot();
        }

        /** Flips the port and returns the rebuilt snapshot. */
        TopologySnapshot changeAndSnapshot() {
            isDown = !isDown;
            manager.accept(DiscoveryEvent.portChanged(isDown ? down : up, ++clockMillis));
            return manager.snapshot();
        }
    }

    /** @return a fresh fat-tree snapshot */
    @Benchmark
    public TopologySnapshot build(Generator g) {
        return FatTree.build(g.k);
    }

    /** @return the manager's snapshot, rebuilt after one port state change */
    @Benchmark
    public TopologySnapshot managerSnapshot(ManagedFabric f) {
        return f.changeAndSnapshot();
    }
}
