package org.ebbflow.planner.route;

import org.ebbflow.planner.fabric.FatTreeLayout;
import org.ebbflow.planner.fabric.LeafSpineLayout;

/**
 * The shortest paths of a fat-tree or leaf-spine by position, computed on the fly in O(1) each, leftmost first:
 * same switch → the empty path; same pod → via aggregation a (k/2 candidates); other pods → via aggregation a and
 * core (a, m), numbered a·k/2 + m ((k/2)² candidates); leaf to leaf → via spine i. Endpoints that are not edges or
 * leaves have no candidates here ({@link #covers} is false).
 */
final class FabricCandidates implements CandidateSource {
    private final FatTreeLayout fatTree;
    private final LeafSpineLayout leafSpine;

    FabricCandidates(FatTreeLayout fatTree, LeafSpineLayout leafSpine) {
        this.fatTree = fatTree;
        this.leafSpine = leafSpine;
    }

    /** @return true if both switches are edges (fat-tree) or leaves (leaf-spine) */
    boolean covers(int src, int dst) {
        if (fatTree != null) {
            return fatTree.isEdge(src) && fatTree.isEdge(dst);
        }
        return leafSpine != null && leafSpine.isLeaf(src) && leafSpine.isLeaf(dst);
    }

    @Override
    public int count(int src, int dst) {
        if (src == dst) {
            return 1;
        }
        if (fatTree != null) {
            int h = fatTree.half();
            return fatTree.podOf(src) == fatTree.podOf(dst) ? h : h * h;
        }
        return leafSpine.spineCount();
    }

    @Override
    public int fill(int src, int dst, int i, int[] buf) {
        if (src == dst) {
            return 0;
        }
        if (fatTree != null) {
            FatTreeLayout f = fatTree;
            int p = f.podOf(src);
            int q = f.podOf(dst);
            int e = f.positionOf(src);
            int g = f.positionOf(dst);
            if (p == q) {
                buf[0] = f.edgeUp(p, e, i);
                buf[1] = f.aggDown(p, i, g);
                return buf[0] < 0 || buf[1] < 0 ? -1 : 2;
            }
            int h = f.half();
            int a = i / h;
            int m = i % h;
            buf[0] = f.edgeUp(p, e, a);
            buf[1] = f.aggUp(p, a, m);
            buf[2] = f.coreDown(a, m, q);
            buf[3] = f.aggDown(q, a, g);
            return buf[0] < 0 || buf[1] < 0 || buf[2] < 0 || buf[3] < 0 ? -1 : 4;
        }
        int j = leafSpine.positionOf(src);
        int k = leafSpine.positionOf(dst);
        buf[0] = leafSpine.up(j, i);
        buf[1] = leafSpine.down(i, k);
        return buf[0] < 0 || buf[1] < 0 ? -1 : 2;
    }

    @Override
    public int minLength(int src, int dst) {
        if (src == dst) {
            return 0;
        }
        if (fatTree != null) {
            return fatTree.podOf(src) == fatTree.podOf(dst) ? 2 : 4;
        }
        return 2;
    }
}
