package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ebbflow.topology.DatapathId;

/**
 * One switch's flow table (all tables) as one flow-stats reply reported it, with the time the controller received
 * the reply. Immutable. Entries keep the order the switch sent them in.
 */
public final class FlowTableSnapshot {
    private final DatapathId dpid;
    private final long receivedMillis;
    private final List<FlowEntry> entries;

    private FlowTableSnapshot(DatapathId dpid, long receivedMillis, List<FlowEntry> entries) {
        this.dpid = dpid;
        this.receivedMillis = receivedMillis;
        this.entries = entries;
    }

    /**
     * @param dpid the switch
     * @param receivedMillis when the controller received the reply (all parts of it), controller clock
     * @param entries the flow entries; empty for an empty table
     * @throws IllegalArgumentException if an entry belongs to another switch, or two entries have the same
     *     {@link FlowKey} (a switch cannot hold both, so the reply was stitched wrongly)
     */
    public static FlowTableSnapshot of(DatapathId dpid, long receivedMillis, Collection<FlowEntry> entries) {
        Objects.requireNonNull(dpid, "dpid");
        List<FlowEntry> copy = new ArrayList<>(entries);
        Set<FlowKey> keys = new HashSet<>();
        for (FlowEntry e : copy) {
            if (!e.dpid().equals(dpid)) {
                throw new IllegalArgumentException("entry of switch " + e.dpid() + " in the table of " + dpid);
            }
            if (!keys.add(e.key())) {
                throw new IllegalArgumentException("two entries with key " + e.key());
            }
        }
        return new FlowTableSnapshot(dpid, receivedMillis, Collections.unmodifiableList(copy));
    }

    /** @return the switch */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return when the controller received the reply, in milliseconds on its clock */
    public long receivedMillis() {
        return receivedMillis;
    }

    /** @return the entries, unmodifiable; empty for an empty table */
    public List<FlowEntry> entries() {
        return entries;
    }

    /** @return the number of entries */
    public int size() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowTableSnapshot)) {
            return false;
        }
        FlowTableSnapshot s = (FlowTableSnapshot) o;
        return receivedMillis == s.receivedMillis && dpid.equals(s.dpid) && entries.equals(s.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpid, receivedMillis, entries);
    }

    @Override
    public String toString() {
        return "FlowTableSnapshot{" + dpid + "@" + receivedMillis + ", " + entries.size() + " entries}";
    }
}
