package org.ebbflow.flowstats.flows;

import java.util.Objects;
import org.ebbflow.topology.DatapathId;

/**
 * The identity of a flow entry as OpenFlow defines it: switch, table, priority and match. A FlowMod with the same
 * table, priority and match replaces the entry (OpenFlow 1.3.5 §6.4), so two readings with equal keys are readings of
 * one flow (or of its re-installation, which the counters or duration reveal). The cookie is not part of the identity.
 */
public final class FlowKey implements Comparable<FlowKey> {
    private final DatapathId dpid;
    private final int tableId;
    private final int priority;
    private final FlowMatch match;

    private FlowKey(DatapathId dpid, int tableId, int priority, FlowMatch match) {
        this.dpid = Objects.requireNonNull(dpid, "dpid");
        this.tableId = FlowEntry.checkTableId(tableId);
        this.priority = FlowEntry.checkPriority(priority);
        this.match = Objects.requireNonNull(match, "match");
    }

    /**
     * @param tableId 0..254
     * @param priority 0..65535
     * @throws IllegalArgumentException if the table id or priority is out of range
     */
    public static FlowKey of(DatapathId dpid, int tableId, int priority, FlowMatch match) {
        return new FlowKey(dpid, tableId, priority, match);
    }

    /** @return the switch */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the table id, 0..254 */
    public int tableId() {
        return tableId;
    }

    /** @return the priority, 0..65535 */
    public int priority() {
        return priority;
    }

    /** @return the match */
    public FlowMatch match() {
        return match;
    }

    /** Orders by switch, table, higher priority first, then match text. */
    @Override
    public int compareTo(FlowKey o) {
        int c = dpid.compareTo(o.dpid);
        if (c == 0) {
            c = Integer.compare(tableId, o.tableId);
        }
        if (c == 0) {
            c = Integer.compare(o.priority, priority);
        }
        return c != 0 ? c : match.toString().compareTo(o.match.toString());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowKey)) {
            return false;
        }
        FlowKey k = (FlowKey) o;
        return tableId == k.tableId && priority == k.priority && dpid.equals(k.dpid) && match.equals(k.match);
    }

    @Override
    public int hashCode() {
        return ((dpid.hashCode() * 31 + tableId) * 31 + priority) * 31 + match.hashCode();
    }

    /** @return {@code <dpid> table=<t> priority=<p> <match>} */
    @Override
    public String toString() {
        return dpid + " table=" + tableId + " priority=" + priority + " " + match;
    }
}
