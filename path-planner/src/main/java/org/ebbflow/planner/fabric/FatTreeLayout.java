package org.ebbflow.planner.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A k-ary fat-tree (Al-Fares et al., SIGCOMM 2008) found in a snapshot: k pods of k/2 edge and k/2 aggregation
 * switches, (k/2)² cores in k/2 groups, where aggregation position {@code a} of every pod links to every core of
 * group {@code a}. Positions are 0-based and ordered by datapath id, so position 0 is "leftmost". Link tables give
 * the directed link between two positions, or −1 where the snapshot has no such link (a vanished cable). Immutable.
 * Detection is O(S + L).
 */
public final class FatTreeLayout {
    private final int k;
    private final int half;
    private final int[] edgeSwitch;
    private final int[] aggSwitch;
    private final int[] coreSwitch;
    private final int[] edgeUp;
    private final int[] aggDown;
    private final int[] aggUp;
    private final int[] coreDown;
    private final int[] podOf;
    private final int[] positionOf;

    private FatTreeLayout(int k, int[] edgeSwitch, int[] aggSwitch, int[] coreSwitch, int switchCount) {
        this.k = k;
        this.half = k / 2;
        this.edgeSwitch = edgeSwitch;
        this.aggSwitch = aggSwitch;
        this.coreSwitch = coreSwitch;
        this.edgeUp = new int[k * half * half];
        this.aggDown = new int[k * half * half];
        this.aggUp = new int[k * half * half];
        this.coreDown = new int[half * half * k];
        Arrays.fill(edgeUp, -1);
        Arrays.fill(aggDown, -1);
        Arrays.fill(aggUp, -1);
        Arrays.fill(coreDown, -1);
        this.podOf = new int[switchCount];
        this.positionOf = new int[switchCount];
        Arrays.fill(podOf, -1);
        Arrays.fill(positionOf, -1);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < half; i++) {
                podOf[edgeSwitch[p * half + i]] = p;
                positionOf[edgeSwitch[p * half + i]] = i;
                podOf[aggSwitch[p * half + i]] = p;
                positionOf[aggSwitch[p * half + i]] = i;
            }
        }
        for (int g = 0; g < half; g++) {
            for (int m = 0; m < half; m++) {
                positionOf[coreSwitch[g * half + m]] = g * half + m;
            }
        }
    }

    /**
     * @return the layout, or null if the snapshot's roles and wiring are not those of a fat-tree (wrong counts, pods
     *     that are not 0..k−1 after sorting, a core linked to different aggregation positions)
     */
    public static FatTreeLayout detect(TopologySnapshot t) {
        TreeMap<Integer, List<Integer>> edgesByPod = new TreeMap<>();
        TreeMap<Integer, List<Integer>> aggsByPod = new TreeMap<>();
        List<Integer> cores = new ArrayList<>();
        for (int s = 0; s < t.switchCount(); s++) {
            SwitchRole r = t.switchAt(s).role();
            int pod = t.switchAt(s).pod();
            if (r == SwitchRole.CORE) {
                cores.add(s);
            } else if (r == SwitchRole.EDGE && pod >= 0) {
                edgesByPod.computeIfAbsent(pod, x -> new ArrayList<>()).add(s);
            } else if (r == SwitchRole.AGGREGATION && pod >= 0) {
                aggsByPod.computeIfAbsent(pod, x -> new ArrayList<>()).add(s);
            } else {
                return null;
            }
        }
        int k = edgesByPod.size();
        int half = k / 2;
        if (k < 2 || k % 2 != 0 || !edgesByPod.keySet().equals(aggsByPod.keySet()) || cores.size() != half * half) {
            return null;
        }
        Comparator<Integer> byDpid = Comparator.comparing(s -> t.switchAt(s).dpid());
        int[] edges = new int[k * half];
        int[] aggs = new int[k * half];
        int p = 0;
        for (Integer pod : edgesByPod.keySet()) {
            List<Integer> e = edgesByPod.get(pod);
            List<Integer> a = aggsByPod.get(pod);
            if (e.size() != half || a.size() != half) {
                return null;
            }
            e.sort(byDpid);
            a.sort(byDpid);
            for (int i = 0; i < half; i++) {
                edges[p * half + i] = e.get(i);
                aggs[p * half + i] = a.get(i);
            }
            p++;
        }
        // Aggregation position of every switch, to put each core in the group of the position it links to.
        int[] aggPos = new int[t.switchCount()];
        int[] aggPod = new int[t.switchCount()];
        Arrays.fill(aggPos, -1);
        for (int i = 0; i < aggs.length; i++) {
            aggPos[aggs[i]] = i % half;
            aggPod[aggs[i]] = i / half;
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g < half; g++) {
            groups.add(new ArrayList<>());
        }
        for (int c : cores) {
            int group = -1;
            for (int q = t.outLinkStart(c); q < t.outLinkEnd(c); q++) {
                int d = t.linkDst(t.outLinkAt(q));
                if (aggPos[d] < 0) {
                    return null;
                }
                if (group >= 0 && aggPos[d] != group) {
                    return null;
                }
                group = aggPos[d];
            }
            if (group < 0) {
                return null;
            }
            groups.get(group).add(c);
        }
        int[] coreArr = new int[half * half];
        for (int g = 0; g < half; g++) {
            List<Integer> members = groups.get(g);
            if (members.size() != half) {
                return null;
            }
            members.sort(byDpid);
            for (int m = 0; m < half; m++) {
                coreArr[g * half + m] = members.get(m);
            }
        }
        FatTreeLayout f = new FatTreeLayout(k, edges, aggs, coreArr, t.switchCount());
        return f.wire(t, aggPos, aggPod) ? f : null;
    }

    private boolean wire(TopologySnapshot t, int[] aggPos, int[] aggPod) {
        for (int l = 0; l < t.linkCount(); l++) {
            int s = t.linkSrc(l);
            int d = t.linkDst(l);
            SwitchRole rs = t.switchAt(s).role();
            SwitchRole rd = t.switchAt(d).role();
            if (rs == SwitchRole.EDGE && rd == SwitchRole.AGGREGATION) {
                if (podOf[s] != podOf[d]) {
                    return false;
                }
                setOnce(edgeUp, (podOf[s] * half + positionOf[s]) * half + positionOf[d], l);
            } else if (rs == SwitchRole.AGGREGATION && rd == SwitchRole.EDGE) {
                if (podOf[s] != podOf[d]) {
                    return false;
                }
                setOnce(aggDown, (podOf[s] * half + positionOf[s]) * half + positionOf[d], l);
            } else if (rs == SwitchRole.AGGREGATION && rd == SwitchRole.CORE) {
                if (positionOf[d] / half != aggPos[s]) {
                    return false;
                }
                setOnce(aggUp, (aggPod[s] * half + aggPos[s]) * half + positionOf[d] % half, l);
            } else if (rs == SwitchRole.CORE && rd == SwitchRole.AGGREGATION) {
                setOnce(coreDown, positionOf[s] * k + aggPod[d], l);
            } else {
                return false;
            }
        }
        return true;
    }

    private static void setOnce(int[] table, int at, int link) {
        if (table[at] < 0) {
            table[at] = link;
        }
    }

    /** @return k, the number of pods and the switches' arity */
    public int k() {
        return k;
    }

    /** @return k/2: edge and aggregation switches per pod, core groups, cores per group */
    public int half() {
        return half;
    }

    /** @return the switch index of edge position {@code e} of pod {@code pod} */
    public int edge(int pod, int e) {
        return edgeSwitch[pod * half + e];
    }

    /** @return the switch index of aggregation position {@code a} of pod {@code pod} */
    public int agg(int pod, int a) {
        return aggSwitch[pod * half + a];
    }

    /** @return the switch index of member {@code m} of core group {@code g} */
    public int core(int g, int m) {
        return coreSwitch[g * half + m];
    }

    /** @return the link from edge {@code e} up to aggregation {@code a} in pod {@code pod}, or −1 */
    public int edgeUp(int pod, int e, int a) {
        return edgeUp[(pod * half + e) * half + a];
    }

    /** @return the link from aggregation {@code a} down to edge {@code e} in pod {@code pod}, or −1 */
    public int aggDown(int pod, int a, int e) {
        return aggDown[(pod * half + a) * half + e];
    }

    /** @return the link from aggregation {@code a} of pod {@code pod} up to member {@code m} of core group a, or −1 */
    public int aggUp(int pod, int a, int m) {
        return aggUp[(pod * half + a) * half + m];
    }

    /** @return the link from member {@code m} of core group {@code g} down to aggregation g of {@code pod}, or −1 */
    public int coreDown(int g, int m, int pod) {
        return coreDown[(g * half + m) * k + pod];
    }

    /** @return the pod of an edge or aggregation switch, −1 for cores */
    public int podOf(int s) {
        return podOf[s];
    }

    /** @return the position of an edge or aggregation switch in its pod, or {@code g·k/2 + m} for core (g, m) */
    public int positionOf(int s) {
        return positionOf[s];
    }

    /** @return true if switch {@code s} is an edge switch of this fat-tree */
    public boolean isEdge(int s) {
        return podOf[s] >= 0 && edgeSwitch[podOf[s] * half + positionOf[s]] == s;
    }

    @Override
    public String toString() {
        return "FatTreeLayout{k=" + k + "}";
    }
}
