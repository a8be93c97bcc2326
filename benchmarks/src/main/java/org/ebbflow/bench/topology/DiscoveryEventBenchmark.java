package org.ebbflow.bench.topology;

import java.util.concurrent.TimeUnit;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast a {@link TopologyManager} holding a whole k-ary fat-tree absorbs churn: each invocation applies the
 * {@link EventMix} of {@value EventMix#DEFAULT_SIZE} steps (discovery events and sleep records, seed
 * {@value EventMix#DEFAULT_SEED}). The mix undoes every change it makes, so the manager ends each invocation as it
 * started and no per-invocation setup is needed. Results are in steps per second ({@code @OperationsPerInvocation}
 * counts each step as one operation); a batch takes {@value EventMix#DEFAULT_SIZE} divided by that.
 *
 * <p>{@link #baseline} hands the same steps to a target that only sinks them into a {@link Blackhole}: the cost of
 * walking the mix, against which {@link #apply10k} is compared. Target: at least 20,000 steps per second at k=48.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EventMix.DEFAULT_SIZE)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class DiscoveryEventBenchmark {

    /** A manager holding a whole fat-tree and the mix of changes to apply to it. */
    @State(Scope.Benchmark)
    public static class Churn {
        /** The fat-tree's arity. */
        @Param({"8", "16", "32", "48"})
        public int k;

        TopologySnapshot fabric;
        TopologyManager manager;
        EventMix mix;
        EventMix.Target target;

        /** Builds the fabric, feeds it to a new manager and generates the mix. */
        @Setup(Level.Trial)
        public void setUp() {
            fabric = FatTree.build(k);
            manager = Fabrics.discovered(fabric);
            mix = EventMix.generate(fabric);
            target = EventMix.Target.of(manager, manager);
        }
    }

    /** @return the manager's version after the batch, which every step that changed something raised */
    @Benchmark
    public long apply10k(Churn c) {
        c.mix.applyTo(c.target);
        return c.manager.version();
    }

    /** @return the number of steps walked */
    @Benchmark
    public int baseline(Churn c, Blackhole bh) {
        c.mix.applyTo(new BlackholeTarget(bh));
        return c.mix.size();
    }

    /** A target that does nothing with a step but keep the JIT from discarding it. */
    static final class BlackholeTarget implements EventMix.Target {
        private final Blackhole bh;

        BlackholeTarget(Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void accept(DiscoveryEvent event) {
            bh.consume(event);
        }

        @Override
        public void setSwitchAsleep(DatapathId dpid, boolean asleep, long atMillis) {
            bh.consume(dpid);
            bh.consume(asleep);
        }

        @Override
        public void setLinkAsleep(LinkKey key, boolean asleep, long atMillis) {
            bh.consume(key);
            bh.consume(asleep);
        }
    }
}
