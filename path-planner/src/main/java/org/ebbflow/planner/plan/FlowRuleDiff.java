package org.ebbflow.planner.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.planner.route.Routing;

/**
 * The rules to install and remove to go from one routing to the next, matching demands by id (so the two routings
 * may come from different snapshots and demand sets). A demand whose rules are identical in both is untouched; for
 * a changed one only the rules that differ (switch, output port or match) are added and removed. Counting is eager
 * and allocation-free; {@link #adds()} and {@link #removes()} build the rule objects on each call, O(rules).
 * Immutable.
 *
 * <p>Order for make-before-break: each demand's new rules from its egress back to its ingress, so no switch
 * forwards into one that has no rule yet; old rules from the ingress onwards.
 */
public final class FlowRuleDiff {
    private static final int[] NONE = new int[0];

    private final RuleView next;
    private final RuleView previous;
    private final int[] changedNext;
    private final int[] changedPrevious;
    private final int addCount;
    private final int removeCount;

    private FlowRuleDiff(RuleView next, RuleView previous, int[] changedNext, int[] changedPrevious, int addCount,
                         int removeCount) {
        this.next = next;
        this.previous = previous;
        this.changedNext = changedNext;
        this.changedPrevious = changedPrevious;
        this.addCount = addCount;
        this.removeCount = removeCount;
    }

    /**
     * @param previous the routing in place, or null if none (every rule of {@code next} is new)
     * @param next the routing to reach
     * @return the difference; O(D + changed rules²) per demand, and one map of previous ids
     */
    public static FlowRuleDiff between(Routing previous, Routing next) {
        RuleView nv = new RuleView(next);
        RuleView pv = previous == null ? null : new RuleView(previous);
        int[] cn = new int[nv.demandCount()];
        int nc = 0;
        int adds = 0;
        int removes = 0;
        if (pv == null) {
            for (int d = 0; d < nv.demandCount(); d++) {
                if (nv.ruleCount(d) > 0) {
                    cn[nc++] = d;
                    adds += nv.ruleCount(d);
                }
            }
            return new FlowRuleDiff(nv, null, Arrays.copyOf(cn, nc), NONE, adds, 0);
        }
        boolean samePositions = previous.demands().sameIdsAs(next.demands());
        boolean sameTopology = previous.topology() == next.topology();
        Map<Long, Integer> prevIndex = samePositions ? null : new HashMap<>(pv.demandCount() * 2);
        for (int e = 0; !samePositions && e < pv.demandCount(); e++) {
            prevIndex.put(pv.demandId(e), e);
        }
        boolean[] seen = new boolean[pv.demandCount()];
        int[] cp = new int[pv.demandCount()];
        int pc = 0;
        for (int d = 0; d < nv.demandCount(); d++) {
            Integer found = samePositions ? Integer.valueOf(d) : prevIndex.get(nv.demandId(d));
            if (found != null && sameTopology && next.samePath(d, previous, found)
                    && next.demands().demand(d).equals(previous.demands().demand(found))) {
                // Same snapshot, same demand, same links: the same rules, nothing to compare hop by hop.
                seen[found] = true;
                continue;
            }
            if (found == null) {
                if (nv.ruleCount(d) > 0) {
                    cn[nc++] = d;
                    adds += nv.ruleCount(d);
                }
                continue;
            }
            int e = found;
            seen[e] = true;
            int a = countMissing(nv, d, pv, e);
            int r = countMissing(pv, e, nv, d);
            if (a > 0 || r > 0) {
                cn[nc++] = d;
                cp[pc++] = e;
                adds += a;
                removes += r;
            }
        }
        for (int e = 0; e < pv.demandCount(); e++) {
            if (!seen[e] && pv.ruleCount(e) > 0) {
                cp[pc++] = e;
                removes += pv.ruleCount(e);
            }
        }
        return new FlowRuleDiff(nv, pv, Arrays.copyOf(cn, nc), Arrays.copyOf(cp, pc), adds, removes);
    }

    /** @return how many rules of demand d in {@code a} are not rules of demand e in {@code b} */
    private static int countMissing(RuleView a, int d, RuleView b, int e) {
        int missing = 0;
        boolean sameMatch = a.matchKey(d) == b.matchKey(e);
        for (int h = 0; h < a.ruleCount(d); h++) {
            if (!sameMatch || !b.hasRule(e, a.device(d, h), a.outPort(d, h))) {
                missing++;
            }
        }
        return missing;
    }

    /** @return the number of rules to install */
    public int addCount() {
        return addCount;
    }

    /** @return the number of rules to remove */
    public int removeCount() {
        return removeCount;
    }

    /** @return true if nothing changes */
    public boolean isEmpty() {
        return addCount == 0 && removeCount == 0;
    }

    /** @return the ids of demands whose rules change (new, rerouted, re-matched), in the next routing's order */
    public long[] changedDemandIds() {
        long[] ids = new long[changedNext.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = next.demandId(changedNext[i]);
        }
        return ids;
    }

    /** @return the rules to install, each demand's from its egress back to its ingress; built on each call */
    public List<FlowRule> adds() {
        List<FlowRule> out = new ArrayList<>(addCount);
        Map<Long, Integer> prevIndex = previousIndex();
        for (int d : changedNext) {
            Integer e = prevIndex.get(next.demandId(d));
            boolean sameMatch = e != null && next.matchKey(d) == previous.matchKey(e);
            for (int h = next.ruleCount(d) - 1; h >= 0; h--) {
                if (!sameMatch || !previous.hasRule(e, next.device(d, h), next.outPort(d, h))) {
                    out.add(next.rule(d, h));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the rules to remove, each demand's from its ingress onwards; built on each call */
    public List<FlowRule> removes() {
        if (previous == null) {
            return Collections.emptyList();
        }
        List<FlowRule> out = new ArrayList<>(removeCount);
        Map<Long, Integer> nextIndex = new HashMap<>(changedNext.length * 2);
        for (int d : changedNext) {
            nextIndex.put(next.demandId(d), d);
        }
        for (int e : changedPrevious) {
            Integer d = nextIndex.get(previous.demandId(e));
            boolean sameMatch = d != null && next.matchKey(d) == previous.matchKey(e);
            for (int h = 0; h < previous.ruleCount(e); h++) {
                if (!sameMatch || !next.hasRule(d, previous.device(e, h), previous.outPort(e, h))) {
                    out.add(previous.rule(e, h));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Map<Long, Integer> previousIndex() {
        if (previous == null) {
            return Collections.emptyMap();
        }
        Map<Long, Integer> m = new HashMap<>(changedPrevious.length * 2);
        for (int e : changedPrevious) {
            m.put(previous.demandId(e), e);
        }
        return m;
    }

    @Override
    public String toString() {
        return "FlowRuleDiff{+" + addCount + " -" + removeCount + " rules, " + changedNext.length
                + " demands changed}";
    }
}
