package org.ebbflow.bench.flowstats;

import java.util.concurrent.TimeUnit;
import org.ebbflow.flowstats.CounterSemantics;
import org.ebbflow.flowstats.CounterTracker;
import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.flowstats.RateSink;
import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.flowstats.SeriesStore;
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

/**
 * Ingestion of one polling round of a whole k=48 fat-tree (138,240 port samples) per invocation, on one thread:
 * counter tracking plus the tiered series store ({@code trackAndStore}), tracking alone into a no-op sink
 * ({@code trackOnly}), and the bare loop producing the samples ({@code baseline}). Target: at least 2 million
 * samples per second for {@code trackAndStore}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IngestBenchmark {
    /** Ports in a k=48 fat-tree: 2,880 switches × 48 ports. */
    public static final int K48_PORTS = 138_240;

    @Param({"48"})
    public int k;

    private PortRegistry registry;
    private CounterTracker storing;
    private CounterTracker tracking;
    private SeriesStore store;
    private long[] rx;
    private long[] tx;
    private long nowMillis;
    private int ports;

    @Setup(Level.Trial)
    public void setUp() {
        registry = K48Ports.registry(k);
        ports = registry.size();
        store = SeriesStore.withDefaultTiers(5_000);
        store.reserve(ports);
        CounterTracker.Options options = CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64);
        storing = new CounterTracker(registry, store, options);
        RateSink discard = (port, from, to, rxBps, txBps, dropped, flags) -> { };
        tracking = new CounterTracker(registry, discard, options);
        rx = new long[ports];
        tx = new long[ports];
        nowMillis = 0;
        round(storing);
        round(tracking);
    }

    private long round(CounterTracker tracker) {
        nowMillis += 5_000;
        long accepted = 0;
        long durationNanos = nowMillis * 1_000_000L;
        for (int p = 0; p < ports; p++) {
            long bytes = K48Ports.bytesPerPoll(p);
            rx[p] += bytes;
            tx[p] += bytes >>> 1;
            if (tracker.ingest(p, rx[p], tx[p], 0, durationNanos, nowMillis) == SampleOutcome.ACCEPTED) {
                accepted++;
            }
        }
        return accepted;
    }

    @Benchmark
    @OperationsPerInvocation(K48_PORTS)
    public long trackAndStore() {
        return round(storing);
    }

    @Benchmark
    @OperationsPerInvocation(K48_PORTS)
    public long trackOnly() {
        return round(tracking);
    }

    @Benchmark
    @OperationsPerInvocation(K48_PORTS)
    public long baseline() {
        nowMillis += 5_000;
        long sum = 0;
        for (int p = 0; p < ports; p++) {
            long bytes = K48Ports.bytesPerPoll(p);
            rx[p] += bytes;
            tx[p] += bytes >>> 1;
            sum += rx[p] ^ tx[p] ^ nowMillis;
        }
        return sum;
    }
}
