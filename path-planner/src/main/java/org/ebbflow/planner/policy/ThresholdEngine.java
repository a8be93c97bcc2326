package org.ebbflow.planner.policy;

import java.util.Arrays;
import java.util.Locale;
import org.ebbflow.planner.fabric.FatTreeLayout;
import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.BitRate;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The threshold logic shared by {@link ForecastThresholdPolicy} (band between low and high water, dwell) and
 * {@link ReactivePolicy} (low = high, no dwell). Steps: the connectivity floor; the switches' dwell rules; then
 * capacity; then the cables' dwell rules (a recently woken cable stays awake only between switches that stay awake
 * anyway, so a port's dwell never keeps a switch on):
 *
 * <ul>
 *   <li><b>Fat-trees</b> (ElasticTree's topology-aware heuristic, on the given loads): cores needed
 *   {@code N = max over pods of ⌈max(out, in)/(r·u)⌉}, aggregation switches per pod
 *   {@code max(max over edges ⌈max(up, down)/(r·u)⌉, ⌈N/(k/2)⌉)}; these sums are the same however the traffic is
 *   routed inside the fabric.</li>
 *   <li><b>Leaf-spines</b>: spines needed {@code max over leaves ⌈max(up, down)/(r·u)⌉}.</li>
 *   <li>For each group the count needed at high water ({@code up}) and at low water ({@code down ≥ up}) bound the
 *   new count: {@code clamp(awake now, up, down)}. So a group grows only when its awake capacity would pass high
 *   water and shrinks only to the size that keeps it at low water: the hysteresis band. Awake members are kept
 *   first (leftmost), then asleep ones not held by dwell, then held ones (only when capacity demands it).</li>
 *   <li><b>Other topologies</b>, per cable: an awake cable loaded above low water is required (its traffic stays);
 *   an awake cable above high water requires every available cable and switch next to its ends (wake around the
 *   hot spot); an awake cable whose load is unknown is required (hold).</li>
 * </ul>
 * Unknown group sums (a NaN rate on a link that carries traffic now) hold the group at its current size.
 */
final class ThresholdEngine {
    private static final double EPS = 1e-9;

    private final double lowWater;
    private final double highWater;
    private final long minDwellMillis;
    private final int redundancy;

    ThresholdEngine(double lowWater, double highWater, long minDwellMillis, int redundancy) {
        this.lowWater = lowWater;
        this.highWater = highWater;
        this.minDwellMillis = minDwellMillis;
        this.redundancy = redundancy;
    }

    /**
     * @param loads per link, the load to size for (a forecast's upper bound, or the current load)
     * @param means per link, the forecast mean that goes with {@code loads}, or null when {@code loads} has no margin;
     *     a group then sizes for the sum of its means plus the root-sum-square of the margins
     */
    PowerDecision.Builder decide(PolicyInput in, LinkLoads loads, LinkLoads means, String policy, long leadMillis) {
        TopologySnapshot t = in.topology();
        PowerDecision.Builder b = PowerDecision.builder(t, policy).leadMillis(leadMillis);
        Floors.forTopology(t, redundancy).compute(t).requireIn(b);
        if (minDwellMillis > 0) {
            applyDwell(in, b);
        }
        FatTreeLayout ft = FatTreeLayout.detect(t);
        LeafSpineLayout ls = ft == null ? LeafSpineLayout.detect(t) : null;
        if (ft != null) {
            sizeFatTree(in, loads, means, ft, b);
        } else if (ls != null) {
            sizeLeafSpine(in, loads, means, ls, b);
        } else {
            perCable(in, loads, b);
        }
        if (minDwellMillis > 0) {
            applyCableDwell(in, b);
        }
        return b;
    }

    /**
     * A cable woken less than the dwell ago stays awake, but only between switches that stay awake for their own
     * reasons (floor, capacity, their own dwell): a cable's dwell keeps a port from flapping, it never keeps a
     * switch awake (a cable that goes dark because its switch sleeps is not a port toggle; its dwell is the switch's).
     * A cable slept less than the dwell ago is held asleep.
     */
    private void applyCableDwell(PolicyInput in, PowerDecision.Builder b) {
        TopologySnapshot t = in.topology();
        long now = in.nowMillis();
        long[] lt = in.memory().linkTimes(t);
        for (int l = 0; l < lt.length; l++) {
            if (lt[l] != PolicyMemory.NEVER && now - lt[l] < minDwellMillis) {
                if (in.current().isLinkAwake(l)) {
                    if (b.switchDirective(t.linkSrc(l)) == ElementDirective.REQUIRED
                            && b.switchDirective(t.linkDst(l)) == ElementDirective.REQUIRED) {
                        b.requireLink(l, "woke " + (now - lt[l]) + " ms ago, minimum dwell " + minDwellMillis
                                + " ms");
                    }
                } else {
                    b.holdLink(l, "slept " + (now - lt[l]) + " ms ago, minimum dwell " + minDwellMillis + " ms");
                }
            }
        }
    }

    private void applyDwell(PolicyInput in, PowerDecision.Builder b) {
        TopologySnapshot t = in.topology();
        long now = in.nowMillis();
        long[] st = in.memory().switchTimes(t);
        for (int s = 0; s < st.length; s++) {
            if (st[s] != PolicyMemory.NEVER && now - st[s] < minDwellMillis) {
                if (in.current().isSwitchAwake(s)) {
                    b.requireSwitch(s, "woke " + (now - st[s]) + " ms ago, minimum dwell " + minDwellMillis + " ms");
                } else {
                    b.holdSwitch(s, "slept " + (now - st[s]) + " ms ago, minimum dwell " + minDwellMillis + " ms");
                }
            }
        }
    }

    // ---- fat-tree

    private void sizeFatTree(PolicyInput in, LinkLoads loads, LinkLoads means, FatTreeLayout f,
                             PowerDecision.Builder b) {
        TopologySnapshot t = in.topology();
        PowerStates now = in.current();
        int k = f.k();
        int h = f.half();
        // Cores: the largest pod in/out sum decides.
        double worstPod = 0;
        double coreRate = 0;
        boolean coreUnknown = false;
        for (int pod = 0; pod < k; pod++) {
            GroupSum outSum = new GroupSum();
            GroupSum inSum = new GroupSum();
            for (int a = 0; a < h; a++) {
                for (int m = 0; m < h; m++) {
                    int up = f.aggUp(pod, a, m);
                    int down = f.coreDown(a, m, pod);
                    outSum.add(loads, means, now, up);
                    inSum.add(loads, means, now, down);
                    coreRate = Math.max(coreRate, rate(t, up));
                }
            }
            double out = outSum.value();
            double inb = inSum.value();
            coreUnknown |= Double.isNaN(out) || Double.isNaN(inb);
            worstPod = Math.max(worstPod, Math.max(out, inb));
        }
        int[] cores = new int[h * h];
        for (int i = 0; i < cores.length; i++) {
            cores[i] = f.core(i / h, i % h);
        }
        int coreCur = awakeCount(t, now, cores);
        int coreNew = coreUnknown ? coreCur : clamp(coreCur, needed(worstPod, coreRate, highWater),
                needed(worstPod, coreRate, lowWater));
        String coreReason = String.format(Locale.ROOT, "cores: %d of %d for pod traffic up to %s",
                coreNew, cores.length, BitRate.format(worstPod));
        boolean[] groupUsed = new boolean[h];
        for (int c : choose(in, b, cores, coreNew, coreReason)) {
            groupUsed[f.positionOf(c) / h] = true;
        }
        // Aggregation switches per pod: the busiest edge, and enough to reach the chosen cores.
        int[] aggs = new int[h];
        for (int pod = 0; pod < k; pod++) {
            double worstEdge = 0;
            double rate = 0;
            boolean unknown = false;
            for (int e = 0; e < h; e++) {
                GroupSum upSum = new GroupSum();
                GroupSum downSum = new GroupSum();
                for (int a = 0; a < h; a++) {
                    upSum.add(loads, means, now, f.edgeUp(pod, e, a));
                    downSum.add(loads, means, now, f.aggDown(pod, a, e));
                    rate = Math.max(rate, rate(t, f.edgeUp(pod, e, a)));
                }
                double up = upSum.value();
                double down = downSum.value();
                unknown |= Double.isNaN(up) || Double.isNaN(down);
                worstEdge = Math.max(worstEdge, Math.max(up, down));
            }
            for (int a = 0; a < h; a++) {
                aggs[a] = f.agg(pod, a);
            }
            int cur = awakeCount(t, now, aggs);
            int nNew = unknown ? cur
                    : clamp(cur, needed(worstEdge, rate, highWater), needed(worstEdge, rate, lowWater));
            String reason = String.format(Locale.ROOT,
                    "pod %d: %d of %d aggregation switches for edge traffic up to %s",
                    pod, nNew, h, BitRate.format(worstEdge));
            for (int a = 0; a < h; a++) {
                if (groupUsed[a]) {
                    b.requireSwitch(aggs[a], "pod " + pod + ": reaches core group " + a);
                }
            }
            choose(in, b, aggs, nNew, reason);
        }
    }

    // ---- leaf-spine

    private void sizeLeafSpine(PolicyInput in, LinkLoads loads, LinkLoads means, LeafSpineLayout f,
                               PowerDecision.Builder b) {
        TopologySnapshot t = in.topology();
        PowerStates now = in.current();
        double worst = 0;
        double rate = 0;
        boolean unknown = false;
        for (int j = 0; j < f.leafCount(); j++) {
            GroupSum upSum = new GroupSum();
            GroupSum downSum = new GroupSum();
            for (int i = 0; i < f.spineCount(); i++) {
                upSum.add(loads, means, now, f.up(j, i));
                downSum.add(loads, means, now, f.down(i, j));
                rate = Math.max(rate, rate(t, f.up(j, i)));
            }
            double up = upSum.value();
            double down = downSum.value();
            unknown |= Double.isNaN(up) || Double.isNaN(down);
            worst = Math.max(worst, Math.max(up, down));
        }
        int[] spines = new int[f.spineCount()];
        for (int i = 0; i < spines.length; i++) {
            spines[i] = f.spine(i);
        }
        int cur = awakeCount(t, now, spines);
        int nNew = unknown ? cur : clamp(cur, needed(worst, rate, highWater), needed(worst, rate, lowWater));
        choose(in, b, spines, nNew, String.format(Locale.ROOT, "spines: %d of %d for leaf traffic up to %s", nNew,
                spines.length, BitRate.format(worst)));
    }

    // ---- other topologies

    private void perCable(PolicyInput in, LinkLoads loads, PowerDecision.Builder b) {
        TopologySnapshot t = in.topology();
        PowerStates now = in.current();
        for (int l = 0; l < t.linkCount(); l++) {
            int r = t.reverseLink(l);
            if (r >= 0 && r < l || !now.carries(l) && (r < 0 || !now.carries(r))) {
                continue;
            }
            double u = r < 0 ? loads.utilisation(l) : Math.max(loads.utilisation(l), loads.utilisation(r));
            if (Double.isNaN(u)) {
                b.requireLink(l, "load unknown: hold");
            } else if (u > lowWater + EPS) {
                b.requireLink(l, String.format(Locale.ROOT, "carries %.0f%% of capacity, above low water %.0f%%",
                        u * 100, lowWater * 100));
            }
            if (u > highWater + EPS) {
                String reason = String.format(Locale.ROOT, "wakes around a hot link at %.0f%%, above high water %.0f%%",
                        u * 100, highWater * 100);
                wakeAround(t, b, t.linkSrc(l), reason);
                wakeAround(t, b, t.linkDst(l), reason);
            }
        }
    }

    private static void wakeAround(TopologySnapshot t, PowerDecision.Builder b, int s, String reason) {
        for (int p = t.outLinkStart(s); p < t.outLinkEnd(s); p++) {
            b.requireLink(t.outLinkAt(p), reason);
        }
    }

    // ---- shared

    /** Requires the first {@code count} of a group: awake first, then asleep not held, then held; leftmost within. */
    private static int[] choose(PolicyInput in, PowerDecision.Builder b, int[] group, int count, String reason) {
        TopologySnapshot t = in.topology();
        int[] chosen = new int[Math.min(count, group.length)];
        int n = 0;
        for (int pass = 0; pass < 3 && n < chosen.length; pass++) {
            for (int s : group) {
                if (n == chosen.length) {
                    break;
                }
                ElementDirective d = b.switchDirective(s);
                if (d == ElementDirective.UNAVAILABLE) {
                    continue;
                }
                boolean awake = in.current().isSwitchAwake(s) && PowerStates.isSwitchAvailable(t, s);
                boolean held = d == ElementDirective.HELD_ASLEEP;
                int tier = awake ? 0 : held ? 2 : 1;
                if (tier == pass) {
                    chosen[n++] = s;
                    b.requireSwitch(s, held ? reason + " (capacity overrides dwell)" : reason);
                }
            }
        }
        return Arrays.copyOf(chosen, n);
    }

    private static int awakeCount(TopologySnapshot t, PowerStates now, int[] group) {
        int n = 0;
        for (int s : group) {
            n += now.isSwitchAwake(s) && PowerStates.isSwitchAvailable(t, s) ? 1 : 0;
        }
        return n;
    }

    /**
     * A group's load: the sum of its links' means plus the root-sum-square of their margins (bound − mean), the
     * bound of a sum of independent errors; with no means, the plain sum of the loads. NaN if a link carrying traffic
     * now has no value.
     */
    private static final class GroupSum {
        private double mean;
        private double margin2;

        void add(LinkLoads loads, LinkLoads means, PowerStates now, int l) {
            double bound = load(loads, now, l);
            if (means == null || Double.isNaN(bound) || l < 0) {
                mean += bound;
                return;
            }
            double m = means.bps(l);
            if (Double.isNaN(m)) {
                mean += bound;
                return;
            }
            m = Math.min(m, bound);
            mean += m;
            margin2 += (bound - m) * (bound - m);
        }

        double value() {
            return mean + Math.sqrt(margin2);
        }
    }

    /** @return the load of a link for group sums: 0 if absent or not carrying now and unknown, else its rate */
    private static double load(LinkLoads loads, PowerStates now, int l) {
        if (l < 0) {
            return 0;
        }
        double v = loads.bps(l);
        if (Double.isNaN(v)) {
            return now.carries(l) ? Double.NaN : 0;
        }
        return v;
    }

    private static double rate(TopologySnapshot t, int l) {
        return l < 0 ? 0 : t.linkCapacityBps(l);
    }

    /** @return ⌈bps / (rate · utilisation)⌉, 0 for no traffic */
    static int needed(double bps, double rateBps, double utilisation) {
        if (!(bps > 0) || !(rateBps > 0)) {
            return 0;
        }
        double n = bps / (rateBps * utilisation);
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(n - EPS));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(v, hi));
    }
}
