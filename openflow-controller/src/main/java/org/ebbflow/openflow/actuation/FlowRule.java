package org.ebbflow.openflow.actuation;

import java.util.List;
import java.util.Objects;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.topology.DatapathId;

/**
 * A flow rule ebbflow installs: switch, table, priority, match, actions and the ebbflow cookie that says what it is
 * for. Rules are permanent (no timeouts): ebbflow removes them itself, by cookie. Two rules with the same switch,
 * table, priority and match are the same OpenFlow flow: installing the second replaces the first in place, which is
 * how a destination's rule moves to a new next hop without a gap. Immutable.
 */
public final class FlowRule {
    /** The table every ebbflow rule lives in. */
    public static final int TABLE = 0;

    private final DatapathId dpid;
    private final int priority;
    private final FlowMatch match;
    private final List<FlowAction> actions;
    private final EbbflowCookie cookie;

    private FlowRule(DatapathId dpid, int priority, FlowMatch match, List<FlowAction> actions, EbbflowCookie cookie) {
        this.dpid = Objects.requireNonNull(dpid, "dpid");
        if (priority < 0 || priority > 0xFFFF) {
            throw new IllegalArgumentException("priority must be 0..65535, got " + priority);
        }
        this.priority = priority;
        this.match = Objects.requireNonNull(match, "match");
        this.actions = List.copyOf(actions);
        this.cookie = Objects.requireNonNull(cookie, "cookie");
    }

    /**
     * @param priority 0..65535
     * @param actions the actions in order; empty drops matching packets
     * @param cookie ebbflow's cookie (only ebbflow-tagged rules are ever installed, so only they are ever removed)
     */
    public static FlowRule of(DatapathId dpid, int priority, FlowMatch match, List<FlowAction> actions,
                              EbbflowCookie cookie) {
        return new FlowRule(dpid, priority, match, actions, cookie);
    }

    /** @return the switch */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the priority */
    public int priority() {
        return priority;
    }

    /** @return the match */
    public FlowMatch match() {
        return match;
    }

    /** @return the actions in order; empty = drop */
    public List<FlowAction> actions() {
        return actions;
    }

    /** @return the cookie */
    public EbbflowCookie cookie() {
        return cookie;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowRule)) {
            return false;
        }
        FlowRule r = (FlowRule) o;
        return dpid.equals(r.dpid) && priority == r.priority && match.equals(r.match) && actions.equals(r.actions)
                && cookie.equals(r.cookie);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpid, priority, match, actions, cookie);
    }

    @Override
    public String toString() {
        return dpid + " prio " + priority + " " + match + " -> " + (actions.isEmpty() ? "drop" : actions) + " "
                + cookie;
    }
}
