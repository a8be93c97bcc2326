package org.ebbflow.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests against JGraphT 1.5.2 as the trusted reference, after JGraphT's own
 * {@code AllPairsShortestPathsTest}: seeded random graphs (seeds 47, 8, 13, 17, JGraphT's) with random real weights
 * and with hop counts (many ties), and fat-trees k = 4, 6, 8. Weights agree within 1e-9.
 */
class JGraphTDifferentialTest {
    private static final double EPS = 1e-9;

    static Stream<Arguments> graphs() {
        List<Arguments> out = new ArrayList<>();
        for (long seed : new long[] {47, 8, 13, 17}) {
            TopologySnapshot t = RandomTopologies.connected(seed, 40, 0.06, 0);
            out.add(Arguments.of("random " + seed + " real weights", t, randomWeights(t, seed)));
            out.add(Arguments.of("random " + seed + " hops", t, Weighers.unit()));
            // Sparse and partly disconnected: drop a third of the links by weigher.
            out.add(Arguments.of("random " + seed + " pruned", t, pruned(t, seed)));
        }
        for (int k : new int[] {4, 6, 8}) {
            TopologySnapshot t = FatTree.build(k);
            out.add(Arguments.of("fat-tree k=" + k + " hops", t, Weighers.unit()));
            out.add(Arguments.of("fat-tree k=" + k + " real weights", t, randomWeights(t, k)));
        }
        return out.stream();
    }

    private static LinkWeigher randomWeights(TopologySnapshot t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 1);
        double[] w = new double[t.linkCount()];
        for (int l = 0; l < w.length; l++) {
            w[l] = 0.5 + rnd.nextDouble() * 10;
        }
        return l -> w[l];
    }

    private static LinkWeigher pruned(TopologySnapshot t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[t.linkCount()];
        for (int l = 0; l < w.length; l++) {
            w[l] = rnd.nextInt(3) == 0 ? LinkWeigher.NON_VIABLE : 1 + rnd.nextInt(4);
        }
        return l -> w[l];
    }

    /** The snapshot as a JGraphT graph: vertices are switch indices, edges link indices, viable links only. */
    static Graph<Integer, Integer> jgrapht(TopologySnapshot t, LinkWeigher w) {
        Graph<Integer, Integer> g = new DirectedWeightedMultigraph<>(Integer.class);
        for (int s = 0; s < t.switchCount(); s++) {
            g.addVertex(s);
        }
        for (int l = 0; l < t.linkCount(); l++) {
            if (LinkWeigher.isViable(w.weight(l))) {
                g.addEdge(t.linkSrc(l), t.linkDst(l), l);
                g.setEdgeWeight(l, w.weight(l));
            }
        }
        return g;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void dijkstraAgreesOnEveryPair(String name, TopologySnapshot t, LinkWeigher w) {
        Graph<Integer, Integer> g = jgrapht(t, w);
        DijkstraShortestPath<Integer, Integer> reference = new DijkstraShortestPath<>(g);
        DijkstraPathComputer ours = new DijkstraPathComputer(t, w);
        for (int s = 0; s < t.switchCount(); s++) {
            ShortestPathAlgorithm.SingleSourcePaths<Integer, Integer> paths = reference.getPaths(s);
            for (int d = 0; d < t.switchCount(); d++) {
                double expected = paths.getWeight(d);
                Path p = ours.path(s, d);
                if (expected == Double.POSITIVE_INFINITY) {
                    assertNull(p, name + " " + s + "->" + d);
                } else {
                    PathAssertions.assertValid(t, w, p, s, d);
                    assertEquals(expected, p.weight(), EPS * Math.max(1, expected), name + " " + s + "->" + d);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void breadthFirstAgreesOnHopCounts(String name, TopologySnapshot t, LinkWeigher w) {
        BFSShortestPath<Integer, Integer> reference = new BFSShortestPath<>(jgrapht(t, w));
        BreadthFirstPathComputer ours = new BreadthFirstPathComputer(t, w);
        for (int s = 0; s < t.switchCount(); s += 2) {
            ShortestPathAlgorithm.SingleSourcePaths<Integer, Integer> paths = reference.getPaths(s);
            for (int d = 0; d < t.switchCount(); d++) {
                GraphPath<Integer, Integer> expected = paths.getPath(d);
                Path p = ours.path(s, d);
                if (expected == null) {
                    assertNull(p, name + " " + s + "->" + d);
                } else {
                    assertEquals(expected.getLength(), p.length(), name + " " + s + "->" + d);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void yenAgreesOnTheKLightestWeights(String name, TopologySnapshot t, LinkWeigher w) {
        YenKShortestPath<Integer, Integer> reference = new YenKShortestPath<>(jgrapht(t, w));
        YenKShortestPaths ours = new YenKShortestPaths(t, w);
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        int k = 7;
        for (int i = 0; i < 40; i++) {
            int s = rnd.nextInt(t.switchCount());
            int d = rnd.nextInt(t.switchCount());
            if (s == d) {
                continue;
            }
            List<GraphPath<Integer, Integer>> expected = reference.getPaths(s, d, k);
            List<Path> actual = ours.paths(s, d, k);
            assertEquals(expected.size(), actual.size(), name + " " + s + "->" + d);
            for (int j = 0; j < actual.size(); j++) {
                PathAssertions.assertValid(t, w, actual.get(j), s, d);
                double e = expected.get(j).getWeight();
                assertEquals(e, actual.get(j).weight(), EPS * Math.max(1, e), name + " " + s + "->" + d + " #" + j);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void equalCostSetsAreExactlyTheLightestPaths(String name, TopologySnapshot t, LinkWeigher w) {
        YenKShortestPath<Integer, Integer> reference = new YenKShortestPath<>(jgrapht(t, w));
        EqualCostPaths ours = new EqualCostPaths(t, w);
        SplittableRandom rnd = new SplittableRandom(name.hashCode() + 1);
        for (int i = 0; i < 25; i++) {
            int s = rnd.nextInt(t.switchCount());
            int d = rnd.nextInt(t.switchCount());
            if (s == d) {
                continue;
            }
            List<Path> actual = ours.paths(s, d, 100);
            // Yen with one more path than ours: the lightest-weight prefix of its answer is the equal-cost set.
            List<GraphPath<Integer, Integer>> expected = reference.getPaths(s, d, actual.size() + 1);
            Set<List<Integer>> lightest = new HashSet<>();
            double min = expected.isEmpty() ? 0 : expected.get(0).getWeight();
            for (GraphPath<Integer, Integer> p : expected) {
                if (p.getWeight() <= min + EPS * Math.max(1, min)) {
                    lightest.add(p.getEdgeList());
                }
            }
            Set<List<Integer>> ourSet = new HashSet<>();
            for (Path p : actual) {
                PathAssertions.assertValid(t, w, p, s, d);
                List<Integer> links = new ArrayList<>();
                for (int l : p.links()) {
                    links.add(l);
                }
                ourSet.add(links);
            }
            assertEquals(lightest, ourSet, name + " " + s + "->" + d);
        }
    }
}
