package org.ebbflow.planner.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;

/**
 * When each switch and cable last changed power state, by stable identity (datapath id, link key of the cable's
 * smaller direction) so it survives snapshot renumbering. The planner carries it from one cycle to the next for the
 * minimum dwell time. Immutable.
 */
public final class PolicyMemory {
    /** The time reported for elements that never changed state. */
    public static final long NEVER = Long.MIN_VALUE;

    private static final PolicyMemory EMPTY = new PolicyMemory(Collections.emptyMap(), Collections.emptyMap());

    private final Map<DatapathId, Long> switches;
    private final Map<LinkKey, Long> cables;

    private PolicyMemory(Map<DatapathId, Long> switches, Map<LinkKey, Long> cables) {
        this.switches = switches;
        this.cables = cables;
    }

    /** @return a memory in which nothing ever changed */
    public static PolicyMemory empty() {
        return EMPTY;
    }

    /** @return a builder holding this memory's entries */
    public Builder toBuilder() {
        return new Builder(new HashMap<>(switches), new HashMap<>(cables));
    }

    /** @return the key under which a cable is remembered: the smaller of its two directions */
    public static LinkKey cableKey(LinkKey link) {
        LinkKey r = link.reverse();
        return link.compareTo(r) <= 0 ? link : r;
    }

    /** @return when the switch last changed state, epoch milliseconds, or {@link #NEVER} */
    public long switchChangedAt(DatapathId dpid) {
        Long v = switches.get(dpid);
        return v == null ? NEVER : v;
    }

    /** @return when the cable of the link last changed state, epoch milliseconds, or {@link #NEVER} */
    public long cableChangedAt(LinkKey link) {
        Long v = cables.get(cableKey(link));
        return v == null ? NEVER : v;
    }

    /** @return last change per switch index of the snapshot, {@link #NEVER} where none is recorded; O(S + entries) */
    long[] switchTimes(TopologySnapshot t) {
        long[] out = new long[t.switchCount()];
        Arrays.fill(out, NEVER);
        for (Map.Entry<DatapathId, Long> e : switches.entrySet()) {
            int s = t.switchIndex(e.getKey());
            if (s >= 0) {
                out[s] = e.getValue();
            }
        }
        return out;
    }

    /** @return last change per link index (both directions of a cable), {@link #NEVER} where none is recorded */
    long[] linkTimes(TopologySnapshot t) {
        long[] out = new long[t.linkCount()];
        Arrays.fill(out, NEVER);
        for (Map.Entry<LinkKey, Long> e : cables.entrySet()) {
            int l = t.linkIndex(e.getKey());
            if (l >= 0) {
                out[l] = e.getValue();
                int r = t.reverseLink(l);
                if (r >= 0) {
                    out[r] = e.getValue();
                }
            }
        }
        return out;
    }

    /** @return the number of remembered switches and cables */
    public int size() {
        return switches.size() + cables.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyMemory && switches.equals(((PolicyMemory) o).switches)
                && cables.equals(((PolicyMemory) o).cables);
    }

    @Override
    public int hashCode() {
        return switches.hashCode() * 31 + cables.hashCode();
    }

    @Override
    public String toString() {
        return "PolicyMemory{" + switches.size() + " switches, " + cables.size() + " cables}";
    }

    /** Records state changes. */
    public static final class Builder {
        private final Map<DatapathId, Long> switches;
        private final Map<LinkKey, Long> cables;

        private Builder(Map<DatapathId, Long> switches, Map<LinkKey, Long> cables) {
            this.switches = switches;
            this.cables = cables;
        }

        /** Records that the switch changed state at {@code atMillis}. */
        public Builder switchChanged(DatapathId dpid, long atMillis) {
            switches.put(dpid, atMillis);
            return this;
        }

        /** Records that the link's cable changed state at {@code atMillis}. */
        public Builder cableChanged(LinkKey link, long atMillis) {
            cables.put(cableKey(link), atMillis);
            return this;
        }

        /** @return the memory */
        public PolicyMemory build() {
            return new PolicyMemory(Collections.unmodifiableMap(new HashMap<>(switches)),
                    Collections.unmodifiableMap(new HashMap<>(cables)));
        }
    }
}
