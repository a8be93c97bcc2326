package org.ebbflow.planner.path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The k lightest loopless paths by Yen's algorithm (J. Y. Yen, "Finding the K Shortest Loopless Paths in a Network",
 * Management Science 17(11), 1971): each new path deviates from the previous one at a spur switch, found by a
 * Dijkstra search that bans the root path's switches and the links that earlier paths with the same root took next.
 * O(k·S·(S + L) log S) per query. Ties between equally light paths go to the one with fewer links, then to the
 * lexicographically smaller link sequence, so results are deterministic. Not thread-safe.
 *
 * @see DijkstraPathComputer
 */
public final class YenKShortestPaths implements KPathComputer {
    private static final Comparator<Path> ORDER = (a, b) -> {
        int c = Double.compare(a.weight(), b.weight());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.length(), b.length());
        for (int i = 0; c == 0 && i < a.length(); i++) {
            c = Integer.compare(a.linkAt(i), b.linkAt(i));
        }
        return c;
    };

    private final TopologySnapshot topology;
    private final DijkstraEngine engine;
    private final boolean[] bannedLinks;
    private final boolean[] bannedSwitches;
    private final int[] buffer;

    /**
     * @param topology the network
     * @param weigher link weights; non-viable links are never used
     */
    public YenKShortestPaths(TopologySnapshot topology, LinkWeigher weigher) {
        this.topology = topology;
        this.engine = new DijkstraEngine(topology, weigher);
        this.bannedLinks = new boolean[topology.linkCount()];
        this.bannedSwitches = new boolean[topology.switchCount()];
        this.buffer = new int[Math.max(topology.switchCount(), 1)];
    }

    @Override
    public List<Path> paths(int src, int dst, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        DijkstraPathComputer.checkIndex(topology, src);
        DijkstraPathComputer.checkIndex(topology, dst);
        if (src == dst) {
            return Collections.singletonList(Path.of(src, dst, new int[0], 0));
        }
        if (engine.forward(src, dst, null, null) == Double.POSITIVE_INFINITY) {
            return Collections.emptyList();
        }
        List<Path> found = new ArrayList<>(k);
        found.add(assemble(src, dst, new int[0], 0, engine.pathTo(dst, buffer)));
        PriorityQueue<Path> candidates = new PriorityQueue<>(ORDER);
        Set<LinkSequence> seen = new HashSet<>();
        seen.add(new LinkSequence(found.get(0).links()));
        while (found.size() < k) {
            Path prev = found.get(found.size() - 1);
            int[] prevLinks = prev.links();
            int[] prevSwitches = prev.switches(topology);
            for (int i = 0; i < prevLinks.length; i++) {
                int spur = prevSwitches[i];
                for (Path p : found) {
                    if (p.length() > i && sharesPrefix(p, prevLinks, i)) {
                        bannedLinks[p.linkAt(i)] = true;
                    }
                }
                for (int j = 0; j < i; j++) {
                    bannedSwitches[prevSwitches[j]] = true;
                }
                if (engine.forward(spur, dst, bannedLinks, bannedSwitches) < Double.POSITIVE_INFINITY) {
                    int n = engine.pathTo(dst, buffer);
                    int[] root = Arrays.copyOf(prevLinks, i);
                    Path candidate = assemble(src, dst, root, i, n);
                    if (seen.add(new LinkSequence(candidate.links()))) {
                        candidates.add(candidate);
                    }
                }
                for (Path p : found) {
                    if (p.length() > i) {
                        bannedLinks[p.linkAt(i)] = false;
                    }
                }
                for (int j = 0; j < i; j++) {
                    bannedSwitches[prevSwitches[j]] = false;
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            found.add(candidates.poll());
        }
        return Collections.unmodifiableList(found);
    }

    private static boolean sharesPrefix(Path p, int[] links, int length) {
        for (int j = 0; j < length; j++) {
            if (p.linkAt(j) != links[j]) {
                return false;
            }
        }
        return true;
    }

    /** Root links followed by the {@code spurLength} links in the buffer; the weight is summed in path order. */
    private Path assemble(int src, int dst, int[] root, int rootLength, int spurLength) {
        int[] links = Arrays.copyOf(root, rootLength + spurLength);
        System.arraycopy(buffer, 0, links, rootLength, spurLength);
        double w = 0;
        for (int l : links) {
            w += engine.weigher().weight(l);
        }
        return Path.of(src, dst, links, w);
    }

    /** An int array compared by content, to recognise paths already found. */
    private static final class LinkSequence {
        private final int[] links;
        private final int hash;

        LinkSequence(int[] links) {
            this.links = links;
            this.hash = Arrays.hashCode(links);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LinkSequence && Arrays.equals(links, ((LinkSequence) o).links);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
