package org.ebbflow.topology.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;

/**
 * Something a controller observed about the network at a point in time. Each {@link Type} carries its own payload;
 * the accessors that do not apply to a type return null.
 */
public final class DiscoveryEvent {
    /** What was observed. */
    public enum Type {
        /** A switch connected (or reconnected) and described itself and its ports: {@link #switchInfo()},
         * {@link #ports()}. */
        SWITCH_CONNECTED,
        /** A switch's control connection closed: {@link #dpid()}. */
        SWITCH_DISCONNECTED,
        /** A port appeared: {@link #port()}. */
        PORT_ADDED,
        /** A port went up or down, administratively or physically: {@link #port()} with its new flags. */
        PORT_CHANGED,
        /** A port disappeared: {@link #connectPoint()}. */
        PORT_REMOVED,
        /** A probe crossed a directed link (new or refreshed): {@link #linkKey()}, {@link #capacityBps()}. */
        LINK_DISCOVERED,
        /** A directed link is known to be gone: {@link #linkKey()}. */
        LINK_VANISHED,
        /** A host or container sent traffic at an edge port: {@link #host()}. */
        HOST_SEEN,
        /** A host or container is gone: {@link #mac()}. */
        HOST_VANISHED
    }

    private final Type type;
    private final long atMillis;
    private final SwitchInfo switchInfo;
    private final List<PortInfo> ports;
    private final PortInfo portInfo;
    private final DatapathId dpid;
    private final ConnectPoint connectPoint;
    private final LinkKey linkKey;
    private final long capacityBps;
    private final HostEndpoint host;
    private final MacAddress mac;

    private DiscoveryEvent(Type type, long atMillis, SwitchInfo switchInfo, List<PortInfo> ports, PortInfo portInfo,
                           DatapathId dpid, ConnectPoint connectPoint, LinkKey linkKey, long capacityBps,
                           HostEndpoint host, MacAddress mac) {
        this.type = type;
        this.atMillis = atMillis;
        this.switchInfo = switchInfo;
        this.ports = ports;
        this.portInfo = portInfo;
        this.dpid = dpid;
        this.connectPoint = connectPoint;
        this.linkKey = linkKey;
        this.capacityBps = capacityBps;
        this.host = host;
        this.mac = mac;
    }

    /** @param ports the switch's ports; ports it had before and does not list are removed */
    public static DiscoveryEvent switchConnected(SwitchInfo sw, List<PortInfo> ports, long atMillis) {
        for (PortInfo p : ports) {
            if (!p.connectPoint().dpid().equals(sw.dpid())) {
                throw new IllegalArgumentException("port " + p + " does not belong to " + sw);
            }
        }
        return new DiscoveryEvent(Type.SWITCH_CONNECTED, atMillis, Objects.requireNonNull(sw),
                Collections.unmodifiableList(new ArrayList<>(ports)), null, sw.dpid(), null, null, 0, null, null);
    }

    /** @return a switch-disconnected event */
    public static DiscoveryEvent switchDisconnected(DatapathId dpid, long atMillis) {
        return new DiscoveryEvent(Type.SWITCH_DISCONNECTED, atMillis, null, null, null, Objects.requireNonNull(dpid), null,
                null, 0, null, null);
    }

    /** @return a port-added event */
    public static DiscoveryEvent portAdded(PortInfo port, long atMillis) {
        return portEvent(Type.PORT_ADDED, port, atMillis);
    }

    /** @return a port-changed event carrying the port's new admin and link flags */
    public static DiscoveryEvent portChanged(PortInfo port, long atMillis) {
        return portEvent(Type.PORT_CHANGED, port, atMillis);
    }

    private static DiscoveryEvent portEvent(Type type, PortInfo port, long atMillis) {
        return new DiscoveryEvent(type, atMillis, null, null, port, port.connectPoint().dpid(), port.connectPoint(), null,
                0, null, null);
    }

    /** @return a port-removed event */
    public static DiscoveryEvent portRemoved(ConnectPoint cp, long atMillis) {
        return new DiscoveryEvent(Type.PORT_REMOVED, atMillis, null, null, null, cp.dpid(), cp, null, 0, null, null);
    }

    /**
     * @param capacityBps the link's capacity in bits per second, or 0 to take the slower of its two ports' speeds
     * @return a link-discovered event
     */
    public static DiscoveryEvent linkDiscovered(LinkKey key, long capacityBps, long atMillis) {
        if (capacityBps < 0) {
            throw new IllegalArgumentException("negative capacity for " + key);
        }
        return new DiscoveryEvent(Type.LINK_DISCOVERED, atMillis, null, null, null, null, null, Objects.requireNonNull(key),
                capacityBps, null, null);
    }

    /** @return a link-vanished event */
    public static DiscoveryEvent linkVanished(LinkKey key, long atMillis) {
        return new DiscoveryEvent(Type.LINK_VANISHED, atMillis, null, null, null, null, null, Objects.requireNonNull(key), 0,
                null, null);
    }

    /** @return a host-seen event: new, refreshed, or moved if its attachment differs from the known one */
    public static DiscoveryEvent hostSeen(HostEndpoint host, long atMillis) {
        return new DiscoveryEvent(Type.HOST_SEEN, atMillis, null, null, null, host.attachment().dpid(), host.attachment(),
                null, 0, host, host.mac());
    }

    /** @return a host-vanished event */
    public static DiscoveryEvent hostVanished(MacAddress mac, long atMillis) {
        return new DiscoveryEvent(Type.HOST_VANISHED, atMillis, null, null, null, null, null, null, 0, null,
                Objects.requireNonNull(mac));
    }

    /** @return what was observed */
    public Type type() {
        return type;
    }

    /** @return when, in milliseconds on the reporting controller's clock (epoch or simulated) */
    public long atMillis() {
        return atMillis;
    }

    /** @return the switch description of {@link Type#SWITCH_CONNECTED}, else null */
    public SwitchInfo switchInfo() {
        return switchInfo;
    }

    /** @return the ports of {@link Type#SWITCH_CONNECTED}, else null */
    public List<PortInfo> ports() {
        return ports;
    }

    /** @return the port of {@link Type#PORT_ADDED} and {@link Type#PORT_CHANGED}, else null */
    public PortInfo port() {
        return portInfo;
    }

    /** @return the switch concerned by switch, port and host events, else null */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the port of port events and the attachment of {@link Type#HOST_SEEN}, else null */
    public ConnectPoint connectPoint() {
        return connectPoint;
    }

    /** @return the link of link events, else null */
    public LinkKey linkKey() {
        return linkKey;
    }

    /** @return the capacity of {@link Type#LINK_DISCOVERED} in bits per second, 0 for "from the ports" */
    public long capacityBps() {
        return capacityBps;
    }

    /** @return the host of {@link Type#HOST_SEEN}, else null */
    public HostEndpoint host() {
        return host;
    }

    /** @return the MAC of host events, else null */
    public MacAddress mac() {
        return mac;
    }

    @Override
    public String toString() {
        Object subject = switchInfo != null ? switchInfo : linkKey != null ? linkKey : host != null ? host
                : connectPoint != null ? connectPoint : dpid != null ? dpid : mac;
        return type + "@" + atMillis + " " + subject;
    }
}
