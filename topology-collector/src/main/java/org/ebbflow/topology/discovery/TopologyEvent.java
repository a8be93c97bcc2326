package org.ebbflow.topology.discovery;

import java.util.Objects;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.LinkKey;

/**
 * A change of the topology model. The subject depends on the {@link Type}; accessors that do not apply return null.
 * {@link #version()} is the model version right after the change, so a listener can tell whether a snapshot it holds
 * already includes it.
 */
public final class TopologyEvent {
    /** What changed. */
    public enum Type {
        /** A new switch: {@link #dpid()}. */
        SWITCH_ADDED,
        /** A switch left the model (expired after a disconnection): {@link #dpid()}. */
        SWITCH_REMOVED,
        /** A switch became active, failed or asleep: {@link #dpid()}, {@link #state()}. */
        SWITCH_STATE_CHANGED,
        /** A new port: {@link #connectPoint()}. */
        PORT_ADDED,
        /** A port left the model: {@link #connectPoint()}. */
        PORT_REMOVED,
        /** A port's effective state changed: {@link #connectPoint()}, {@link #state()}. */
        PORT_STATE_CHANGED,
        /** A new directed link: {@link #linkKey()}. */
        LINK_ADDED,
        /** A directed link left the model (vanished or expired): {@link #linkKey()}. */
        LINK_REMOVED,
        /** A link's effective state changed: {@link #linkKey()}, {@link #state()}. */
        LINK_STATE_CHANGED,
        /** A new host: {@link #host()}. */
        HOST_ADDED,
        /** A host now attaches elsewhere: {@link #host()} (new attachment), {@link #previousAttachment()}. */
        HOST_MOVED,
        /** A host's addresses or labels changed: {@link #host()}. */
        HOST_UPDATED,
        /** A host left the model: {@link #host()} as it was last known. */
        HOST_REMOVED
    }

    private final Type type;
    private final long version;
    private final long atMillis;
    private final DatapathId dpid;
    private final ConnectPoint connectPoint;
    private final LinkKey linkKey;
    private final HostEndpoint host;
    private final ConnectPoint previousAttachment;
    private final ElementState state;

    private TopologyEvent(Type type, long version, long atMillis, DatapathId dpid, ConnectPoint connectPoint,
                          LinkKey linkKey, HostEndpoint host, ConnectPoint previousAttachment, ElementState state) {
        this.type = Objects.requireNonNull(type);
        this.version = version;
        this.atMillis = atMillis;
        this.dpid = dpid;
        this.connectPoint = connectPoint;
        this.linkKey = linkKey;
        this.host = host;
        this.previousAttachment = previousAttachment;
        this.state = state;
    }

    static TopologyEvent ofSwitch(Type type, long version, long atMillis, DatapathId dpid, ElementState state) {
        return new TopologyEvent(type, version, atMillis, dpid, null, null, null, null, state);
    }

    static TopologyEvent ofPort(Type type, long version, long atMillis, ConnectPoint cp, ElementState state) {
        return new TopologyEvent(type, version, atMillis, cp.dpid(), cp, null, null, null, state);
    }

    static TopologyEvent ofLink(Type type, long version, long atMillis, LinkKey key, ElementState state) {
        return new TopologyEvent(type, version, atMillis, null, null, key, null, null, state);
    }

    static TopologyEvent ofHost(Type type, long version, long atMillis, HostEndpoint host, ConnectPoint previous) {
        return new TopologyEvent(type, version, atMillis, host.attachment().dpid(), host.attachment(), null, host,
                previous, null);
    }

    /** @return what changed */
    public Type type() {
        return type;
    }

    /** @return the model version right after this change */
    public long version() {
        return version;
    }

    /** @return the time of the discovery event that caused it, in milliseconds */
    public long atMillis() {
        return atMillis;
    }

    /** @return the switch of switch and port events (and a host's attachment switch), else null */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the port of port events (and a host's attachment), else null */
    public ConnectPoint connectPoint() {
        return connectPoint;
    }

    /** @return the link of link events, else null */
    public LinkKey linkKey() {
        return linkKey;
    }

    /** @return the host of host events, else null */
    public HostEndpoint host() {
        return host;
    }

    /** @return the former attachment of {@link Type#HOST_MOVED}, else null */
    public ConnectPoint previousAttachment() {
        return previousAttachment;
    }

    /** @return the new effective state of state-change events (and of added elements), else null */
    public ElementState state() {
        return state;
    }

    @Override
    public String toString() {
        Object subject = linkKey != null ? linkKey : host != null ? host : connectPoint != null ? connectPoint : dpid;
        return type + " v" + version + " " + subject + (state == null ? "" : " " + state);
    }
}
