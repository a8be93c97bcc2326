package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.ebbflow.topology.DatapathId;

/**
 * One entry of a switch's flow table as a flow-stats reply reports it: where it sits (switch, table, priority,
 * match), who installed it (cookie), what it does (actions) and its counters. Counters are unsigned 64-bit values held
 * in a {@code long}, as in OpenFlow; a value above {@link Long#MAX_VALUE} reads as negative and is legal.
 */
public final class FlowEntry {
    /** Marks a source that reports no flow duration: rates then use the controller's receive times. */
    public static final long NO_DURATION = -1;
    /** OpenFlow's default priority ({@code OFP_DEFAULT_PRIORITY}). */
    public static final int DEFAULT_PRIORITY = 0x8000;
    /** The largest table id of a flow entry (255 is {@code OFPTT_ALL}). */
    public static final int MAX_TABLE_ID = 254;
    private static final int MAX_U16 = 0xFFFF;

    private final DatapathId dpid;
    private final int tableId;
    private final int priority;
    private final long cookie;
    private final FlowMatch match;
    private final List<String> actions;
    private final long packetCount;
    private final long byteCount;
    private final long durationNanos;
    private final int idleTimeoutSeconds;
    private final int hardTimeoutSeconds;

    private FlowEntry(Builder b) {
        this.dpid = Objects.requireNonNull(b.dpid, "dpid");
        this.tableId = checkTableId(b.tableId);
        this.priority = checkPriority(b.priority);
        this.cookie = b.cookie;
        this.match = Objects.requireNonNull(b.match, "match");
        this.actions = Collections.unmodifiableList(new ArrayList<>(b.actions));
        this.packetCount = b.packetCount;
        this.byteCount = b.byteCount;
        if (b.durationNanos < NO_DURATION) {
            throw new IllegalArgumentException("negative flow duration " + b.durationNanos);
        }
        this.durationNanos = b.durationNanos;
        this.idleTimeoutSeconds = checkU16(b.idleTimeoutSeconds, "idle timeout");
        this.hardTimeoutSeconds = checkU16(b.hardTimeoutSeconds, "hard timeout");
    }

    /** @return a builder for an entry on {@code dpid}: table 0, default priority, match-all, cookie 0, no actions */
    public static Builder builder(DatapathId dpid) {
        return new Builder(dpid);
    }

    static int checkTableId(int tableId) {
        if (tableId < 0 || tableId > MAX_TABLE_ID) {
            throw new IllegalArgumentException("table id must be 0.." + MAX_TABLE_ID + ", got " + tableId);
        }
        return tableId;
    }

    static int checkPriority(int priority) {
        return checkU16(priority, "priority");
    }

    private static int checkU16(int value, String what) {
        if (value < 0 || value > MAX_U16) {
            throw new IllegalArgumentException(what + " must be 0.." + MAX_U16 + ", got " + value);
        }
        return value;
    }

    /** @return the flow's identity: switch, table, priority, match */
    public FlowKey key() {
        return FlowKey.of(dpid, tableId, priority, match);
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

    /** @return the 64-bit cookie its installer chose; see {@link EbbflowCookie} for ebbflow's layout */
    public long cookie() {
        return cookie;
    }

    /** @return true if the cookie carries ebbflow's tag */
    public boolean isEbbflow() {
        return EbbflowCookie.isEbbflow(cookie);
    }

    /** @return the match */
    public FlowMatch match() {
        return match;
    }

    /**
     * @return the actions in order, such as {@code output:3} or {@code set_field:10.0.0.1->ipv4_dst}; unmodifiable;
     *     empty means the packets are dropped
     */
    public List<String> actions() {
        return actions;
    }

    /** @return packets matched since installation, unsigned */
    public long packetCount() {
        return packetCount;
    }

    /** @return bytes matched since installation, unsigned */
    public long byteCount() {
        return byteCount;
    }

    /** @return the time since installation per the switch in nanoseconds, or {@link #NO_DURATION} */
    public long durationNanos() {
        return durationNanos;
    }

    /** @return the idle timeout in seconds, 0 for none */
    public int idleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    /** @return the hard timeout in seconds, 0 for none */
    public int hardTimeoutSeconds() {
        return hardTimeoutSeconds;
    }

    /** @return a builder initialised with this entry's fields */
    public Builder toBuilder() {
        return new Builder(dpid).tableId(tableId).priority(priority).cookie(cookie).match(match).actions(actions)
                .counters(packetCount, byteCount).durationNanos(durationNanos)
                .timeouts(idleTimeoutSeconds, hardTimeoutSeconds);
    }

    /** @return this entry with other counters and duration, the way a later reading of the same flow looks */
    public FlowEntry withCounters(long packets, long bytes, long duration) {
        return toBuilder().counters(packets, bytes).durationNanos(duration).build();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowEntry)) {
            return false;
        }
        FlowEntry e = (FlowEntry) o;
        return tableId == e.tableId && priority == e.priority && cookie == e.cookie && packetCount == e.packetCount
                && byteCount == e.byteCount && durationNanos == e.durationNanos
                && idleTimeoutSeconds == e.idleTimeoutSeconds && hardTimeoutSeconds == e.hardTimeoutSeconds
                && dpid.equals(e.dpid) && match.equals(e.match) && actions.equals(e.actions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpid, tableId, priority, cookie, match, packetCount, byteCount, durationNanos);
    }

    @Override
    public String toString() {
        return key() + " cookie=0x" + Long.toHexString(cookie) + " actions=" + String.join(",", actions)
                + " packets=" + Long.toUnsignedString(packetCount) + " bytes=" + Long.toUnsignedString(byteCount)
                + " dur=" + durationNanos;
    }

    /** Builds a {@link FlowEntry}. */
    public static final class Builder {
        private final DatapathId dpid;
        private int tableId;
        private int priority = DEFAULT_PRIORITY;
        private long cookie;
        private FlowMatch match = FlowMatch.any();
        private final List<String> actions = new ArrayList<>(2);
        private long packetCount;
        private long byteCount;
        private long durationNanos = NO_DURATION;
        private int idleTimeoutSeconds;
        private int hardTimeoutSeconds;

        private Builder(DatapathId dpid) {
            this.dpid = dpid;
        }

        /** @param id the table, 0..254 */
        public Builder tableId(int id) {
            this.tableId = id;
            return this;
        }

        /** @param newPriority 0..65535; higher wins */
        public Builder priority(int newPriority) {
            this.priority = newPriority;
            return this;
        }

        /** @param newCookie the 64-bit cookie */
        public Builder cookie(long newCookie) {
            this.cookie = newCookie;
            return this;
        }

        /** @param newMatch the match; {@link FlowMatch#any()} matches every packet */
        public Builder match(FlowMatch newMatch) {
            this.match = newMatch;
            return this;
        }

        /**
         * Replaces the actions.
         *
         * @throws IllegalArgumentException if an action is blank
         */
        public Builder actions(List<String> newActions) {
            actions.clear();
            newActions.forEach(this::addAction);
            return this;
        }

        /** Replaces the actions; see {@link #actions(List)}. */
        public Builder actions(String... newActions) {
            return actions(List.of(newActions));
        }

        /**
         * @param action one action, such as {@code output:3}; trimmed
         * @throws IllegalArgumentException if it is blank
         */
        public Builder addAction(String action) {
            String a = Objects.requireNonNull(action, "action").trim();
            if (a.isEmpty()) {
                throw new IllegalArgumentException("blank flow action");
            }
            actions.add(a);
            return this;
        }

        /** @param packets packets matched, @param bytes bytes matched; unsigned */
        public Builder counters(long packets, long bytes) {
            this.packetCount = packets;
            this.byteCount = bytes;
            return this;
        }

        /** @param nanos the flow's age per the switch (duration_sec·1e9 + duration_nsec), or {@link #NO_DURATION} */
        public Builder durationNanos(long nanos) {
            this.durationNanos = nanos;
            return this;
        }

        /** @param idleSeconds idle timeout, @param hardSeconds hard timeout; 0..65535, 0 = none */
        public Builder timeouts(int idleSeconds, int hardSeconds) {
            this.idleTimeoutSeconds = idleSeconds;
            this.hardTimeoutSeconds = hardSeconds;
            return this;
        }

        /**
         * @return the immutable entry
         * @throws IllegalArgumentException if the table id, priority, a timeout or the duration is out of range
         */
        public FlowEntry build() {
            return new FlowEntry(this);
        }
    }
}
