package org.ebbflow.planner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.policy.LinkSeriesMapping;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.planner.support.Snapshots;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;

/**
 * Safety properties on random topologies (fat-trees k = 4 and 6, leaf-spines, random connected graphs with and
 * without hosts, all optionally with failures), random demands of every class and random forecasts, for every
 * strategy: {@link PlanVerifier#verify} holds for every plan; no plan partitions hosts the full topology connects
 * (checked here by breadth-first search, independently of the verifier); over several cycles, applying each plan's
 * rule difference to the previous rules gives exactly the new plan's rules.
 */
class PlanPropertyTest {
    @Provide
    Arbitrary<TopologySnapshot> topologies() {
        Arbitrary<TopologySnapshot> fatTrees = Arbitraries.of(4, 6).map(FatTree::build);
        Arbitrary<TopologySnapshot> leafSpines = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(2, 6), Arbitraries.integers().between(1, 4))
                .as((s, l, h) -> LeafSpine.build(s, l, h, 10_000_000_000L, 1_000_000_000L));
        Arbitrary<TopologySnapshot> graphs = Combinators.combine(Arbitraries.longs().between(0, 10_000),
                Arbitraries.integers().between(3, 18), Arbitraries.doubles().between(0.0, 0.3),
                Arbitraries.integers().between(0, 2))
                .as(RandomTopologies::connected);
        Arbitrary<TopologySnapshot> any = Arbitraries.oneOf(fatTrees, leafSpines, graphs);
        return Combinators.combine(any, Arbitraries.longs().between(0, 1000), Arbitraries.of(0.0, 0.0, 0.05, 0.15))
                .as((t, seed, p) -> p == 0 ? t : Snapshots.withRandomFailures(t, seed, p, p));
    }

    private static Forecast randomForecast(TopologySnapshot t, SplittableRandom rnd, double intensity) {
        int h = 6;
        int m = t.linkCount();
        float[] mean = new float[m * h];
        float[] upper = new float[m * h];
        for (int i = 0; i < mean.length; i++) {
            double cap = t.linkCapacityBps(i / h);
            mean[i] = (float) (rnd.nextDouble() * intensity * cap);
            upper[i] = mean[i] * (float) (1 + rnd.nextDouble());
            if (rnd.nextInt(50) == 0) {
                mean[i] = Float.NaN;
                upper[i] = Float.NaN;
            }
        }
        return Forecast.of("random", m, h, 0.95, 10_000, mean, upper);
    }

    @Property(tries = 250)
    void everyPlanHoldsItsInvariants(@ForAll("topologies") TopologySnapshot t, @ForAll Strategy strategy,
                                     @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                     @ForAll @IntRange(min = 1, max = 300) int pairs,
                                     @ForAll @DoubleRange(min = 0, max = 0.1) double load,
                                     @ForAll Locality locality, @ForAll boolean forecast,
                                     @ForAll @DoubleRange(min = 0, max = 0.6) double asleep) {
        SplittableRandom rnd = new SplittableRandom(seed);
        DemandSet demands = RandomDemandGenerator.generate(t, RandomDemandSpec.of(pairs, seed, load, locality)
                .withClassShares(0.2, 0.2).withSpread(rnd.nextDouble()));
        PlanRequest.Builder request = PlanRequest.builder(t, demands).nowMillis(1_000_000)
                .current(Snapshots.randomStates(t, seed, asleep));
        if (forecast) {
            request.forecast(randomForecast(t, rnd, rnd.nextDouble()), LinkSeriesMapping.identity(t));
        }
        Plan plan = strategy.planner().plan(request.build());
        assertEquals(List.of(), PlanVerifier.verify(plan, t, demands), strategy + " on " + t);
        assertNoHostPartition(t, plan.after());
    }

    @Property(tries = 60)
    void cyclesStaySafeAndRuleDiffsComposeExactly(@ForAll("topologies") TopologySnapshot t,
                                                  @ForAll Strategy strategy,
                                                  @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Planner planner = strategy.planner();
        Plan previous = null;
        Set<String> rules = new HashSet<>();
        long now = 0;
        for (int cycle = 0; cycle < 5; cycle++) {
            DemandSet demands = RandomDemandGenerator.generate(t, RandomDemandSpec.of(1 + rnd.nextInt(150),
                    seed + cycle % 2, rnd.nextDouble() * 0.05, Locality.MIXED).withClassShares(0.3, 0.2));
            PlanRequest.Builder request = PlanRequest.builder(t, demands).nowMillis(now).previous(previous)
                    .forecast(randomForecast(t, rnd, rnd.nextDouble()), LinkSeriesMapping.identity(t));
            if (previous != null) {
                request.current(previous.after());
            }
            Plan plan = planner.plan(request.build());
            assertEquals(List.of(), PlanVerifier.verify(plan, t, demands));
            assertNoHostPartition(t, plan.after());
            for (FlowRule r : plan.ruleDiff().removes()) {
                assertTrue(rules.remove(key(r)), "removes only installed rules: " + r);
            }
            for (FlowRule r : plan.ruleDiff().adds()) {
                assertTrue(rules.add(key(r)), "adds only missing rules: " + r);
            }
            assertEquals(rulesOf(plan), rules, "cycle " + cycle);
            previous = plan;
            now += 1 + rnd.nextInt(1_200_000);
        }
    }

    private static String key(FlowRule r) {
        return r.device() + "/" + r.demandId() + "/" + r.outPort() + "/" + r.cookie();
    }

    private static Set<String> rulesOf(Plan p) {
        Set<String> out = new HashSet<>();
        FlowRuleDiff.between(null, p.routing()).adds().forEach(r -> out.add(key(r)));
        return out;
    }

    /** Every two hosts whose switches the full topology connects are connected in the active one (BFS). */
    static void assertNoHostPartition(TopologySnapshot t, PowerStates after) {
        int[] hostSwitches = new int[t.hostCount() == 0 ? t.switchCount() : t.hostCount()];
        for (int i = 0; i < hostSwitches.length; i++) {
            hostSwitches[i] = t.hostCount() == 0 ? i : t.hostSwitch(i);
        }
        Set<Integer> checked = new HashSet<>();
        for (int s : hostSwitches) {
            if (!checked.add(s) || !PowerStates.isSwitchAvailable(t, s)) {
                continue;
            }
            boolean[] full = reach(t, s, null);
            boolean[] active = after.isSwitchAwake(s) ? reach(t, s, after) : new boolean[t.switchCount()];
            for (int o : hostSwitches) {
                assertTrue(!full[o] || active[o], t.switchAt(s).name() + " cut off from " + t.switchAt(o).name());
            }
        }
    }

    private static boolean[] reach(TopologySnapshot t, int from, PowerStates states) {
        boolean[] seen = new boolean[t.switchCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[from] = true;
        queue.add(from);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int p = t.outLinkStart(u); p < t.outLinkEnd(u); p++) {
                int l = t.outLinkAt(p);
                boolean ok = states == null ? PowerStates.isLinkAvailable(t, l) : states.carries(l);
                if (ok && !seen[t.linkDst(l)]) {
                    seen[t.linkDst(l)] = true;
                    queue.add(t.linkDst(l));
                }
            }
        }
        return seen;
    }

}
