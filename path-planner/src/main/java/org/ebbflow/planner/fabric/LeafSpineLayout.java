package org.ebbflow.planner.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A two-tier leaf-spine fabric found in a snapshot: every switch a spine or a leaf, links only between the tiers.
 * Spines and leaves are numbered from 0 by datapath id ("leftmost" first); link tables give −1 where a cable is
 * missing. Immutable. Detection is O(S + L).
 */
public final class LeafSpineLayout {
    private final int[] spines;
    private final int[] leaves;
    private final int[] up;
    private final int[] down;
    private final int[] positionOf;

    private LeafSpineLayout(int[] spines, int[] leaves, int switchCount) {
        this.spines = spines;
        this.leaves = leaves;
        this.up = new int[leaves.length * spines.length];
        this.down = new int[spines.length * leaves.length];
        Arrays.fill(up, -1);
        Arrays.fill(down, -1);
        this.positionOf = new int[switchCount];
        for (int i = 0; i < spines.length; i++) {
            positionOf[spines[i]] = i;
        }
        for (int j = 0; j < leaves.length; j++) {
            positionOf[leaves[j]] = j;
        }
    }

    /** @return the layout, or null unless every switch is a spine or a leaf and links join the two tiers only */
    public static LeafSpineLayout detect(TopologySnapshot t) {
        List<Integer> spines = new ArrayList<>();
        List<Integer> leaves = new ArrayList<>();
        for (int s = 0; s < t.switchCount(); s++) {
            SwitchRole r = t.switchAt(s).role();
            if (r == SwitchRole.SPINE) {
                spines.add(s);
            } else if (r == SwitchRole.LEAF) {
                leaves.add(s);
            } else {
                return null;
            }
        }
        if (spines.isEmpty() || leaves.isEmpty()) {
            return null;
        }
        Comparator<Integer> byDpid = Comparator.comparing(s -> t.switchAt(s).dpid());
        spines.sort(byDpid);
        leaves.sort(byDpid);
        LeafSpineLayout f = new LeafSpineLayout(spines.stream().mapToInt(Integer::intValue).toArray(),
                leaves.stream().mapToInt(Integer::intValue).toArray(), t.switchCount());
        for (int l = 0; l < t.linkCount(); l++) {
            SwitchRole rs = t.switchAt(t.linkSrc(l)).role();
            SwitchRole rd = t.switchAt(t.linkDst(l)).role();
            int ps = f.positionOf[t.linkSrc(l)];
            int pd = f.positionOf[t.linkDst(l)];
            if (rs == SwitchRole.LEAF && rd == SwitchRole.SPINE) {
                int at = ps * f.spines.length + pd;
                f.up[at] = f.up[at] < 0 ? l : f.up[at];
            } else if (rs == SwitchRole.SPINE && rd == SwitchRole.LEAF) {
                int at = ps * f.leaves.length + pd;
                f.down[at] = f.down[at] < 0 ? l : f.down[at];
            } else {
                return null;
            }
        }
        return f;
    }

    /** @return the number of spines */
    public int spineCount() {
        return spines.length;
    }

    /** @return the number of leaves */
    public int leafCount() {
        return leaves.length;
    }

    /** @return the switch index of spine {@code i} */
    public int spine(int i) {
        return spines[i];
    }

    /** @return the switch index of leaf {@code j} */
    public int leaf(int j) {
        return leaves[j];
    }

    /** @return the link from leaf {@code j} up to spine {@code i}, or −1 */
    public int up(int j, int i) {
        return up[j * spines.length + i];
    }

    /** @return the link from spine {@code i} down to leaf {@code j}, or −1 */
    public int down(int i, int j) {
        return down[i * leaves.length + j];
    }

    /** @return the position of a spine among spines or of a leaf among leaves */
    public int positionOf(int s) {
        return positionOf[s];
    }

    /** @return true if switch {@code s} is a leaf */
    public boolean isLeaf(int s) {
        return positionOf[s] < leaves.length && leaves[positionOf[s]] == s;
    }

    @Override
    public String toString() {
        return "LeafSpineLayout{" + spines.length + " spines, " + leaves.length + " leaves}";
    }
}
