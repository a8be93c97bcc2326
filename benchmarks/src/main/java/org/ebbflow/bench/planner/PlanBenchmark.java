package org.ebbflow.bench.planner;

import java.util.concurrent.TimeUnit;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.plan.Strategy;
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
 * One full planning cycle per invocation (policy decision, routing of every demand, power states, transitions,
 * power reports, rule-difference counts, next memory) on a k-ary fat-tree with 100,000 demands, single-threaded:
 * <ul>
 *   <li>{@code topologyAware}: ebbflow's forecast policy with the topology-aware router, from scratch. Targets:
 *   k=16 at most 50 ms, k=48 at most 1 s.</li>
 *   <li>{@code topologyAwareReplan}: the same with the previous cycle's plan (steady state: latency-sensitive and
 *   guaranteed demands keep their paths, rules are diffed against the previous routing).</li>
 *   <li>{@code alwaysOn}: the ECMP baseline, every element awake.</li>
 * </ul>
 * Planners are built once per trial so routers keep their per-topology caches, as in a running controller.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanBenchmark {
    @Param({"16", "48"})
    public int k;

    @Param({"100000"})
    public int pairs;

    private PlanScenario scenario;
    private Planner topologyAware;
    private Planner replanner;
    private Planner alwaysOn;
    private Plan previous;

    @Setup(Level.Trial)
    public void setUp() {
        scenario = new PlanScenario(k, pairs, 1);
        topologyAware = Strategy.TOPOLOGY_AWARE.planner();
        replanner = Strategy.TOPOLOGY_AWARE.planner();
        alwaysOn = Strategy.ALWAYS_ON.planner();
        previous = replanner.plan(request().build());
    }

    private PlanRequest.Builder request() {
        return PlanRequest.builder(scenario.topology, scenario.demands).nowMillis(1_000_000)
                .forecast(scenario.forecast, scenario.mapping);
    }

    @Benchmark
    public Plan topologyAware() {
        return topologyAware.plan(request().build());
    }

    @Benchmark
    public Plan topologyAwareReplan() {
        return replanner.plan(request().previous(previous).current(previous.after()).build());
    }

    @Benchmark
    public Plan alwaysOn() {
        return alwaysOn.plan(request().build());
    }
}
