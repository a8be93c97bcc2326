package org.ebbflow.bench.planner;

import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.Locality;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.policy.DemandLoadEstimator;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.LinkSeriesMapping;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;

/**
 * The benchmark input: a k-ary fat-tree at 1 Gb/s, {@code pairs} random demands (mixed locality: half edge-local,
 * 30% pod-local, 20% between pods; 10% latency-sensitive, 10% guaranteed, upper bound 20% above the mean) scaled so
 * that each host sends 30% of its access link on average (a typical DCN utilisation, anchors §4), and a forecast per
 * link whose upper bound is the demands' fluid ECMP load plus 10%, over 8 steps of 10 s (covering the 40 s lead).
 */
final class PlanScenario {
    static final double HOST_UTILISATION = 0.3;

    final TopologySnapshot topology;
    final DemandSet demands;
    final Forecast forecast;
    final LinkSeriesMapping mapping;

    PlanScenario(int k, int pairs, long seed) {
        topology = FatTree.build(k);
        double load = HOST_UTILISATION * topology.hostCount() / pairs;
        demands = RandomDemandGenerator.generate(topology, RandomDemandSpec.of(pairs, seed, load, Locality.MIXED)
                .withClassShares(0.1, 0.1).withSpread(0.2));
        LinkLoads loads = DemandLoadEstimator.estimate(demands.resolve(topology));
        int m = topology.linkCount();
        int horizon = 8;
        float[] mean = new float[m * horizon];
        float[] upper = new float[m * horizon];
        for (int l = 0; l < m; l++) {
            for (int h = 0; h < horizon; h++) {
                mean[l * horizon + h] = (float) loads.bps(l);
                upper[l * horizon + h] = (float) (loads.bps(l) * 1.1);
            }
        }
        forecast = Forecast.of("benchmark", m, horizon, 0.95, 10_000, mean, upper);
        mapping = LinkSeriesMapping.identity(topology);
    }
}
