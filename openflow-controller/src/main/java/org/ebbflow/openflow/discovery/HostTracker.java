package org.ebbflow.openflow.discovery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.openflow.channel.SwitchRegistry;
import org.ebbflow.openflow.packet.ArpPacket;
import org.ebbflow.openflow.packet.EthernetFrame;
import org.ebbflow.openflow.packet.Ipv4Header;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEventSink;
import org.ebbflow.topology.discovery.TopologyEvent;
import org.ebbflow.topology.discovery.TopologyListener;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns hosts and containers from ARP and IPv4 packets at edge ports (never at ports where LLDP crossed a link),
 * answers ARP requests from its host table, and delivers packets the switches could not forward yet straight to
 * the destination's edge port. ARP is never flooded through the fabric (fat-trees have loops): a request for an
 * unknown address is re-sent by the controller out of every edge port only, at most once per second per address,
 * and the answer comes back to the controller.
 */
public final class HostTracker implements TopologyListener {
    private static final Logger log = LoggerFactory.getLogger(HostTracker.class);
    private static final long PROBE_HOLD_MILLIS = 1000;
    private static final IpAddress UNSPECIFIED = IpAddress.ipv4(0, 0, 0, 0);

    private final SwitchRegistry registry;
    private final DiscoveryEventSink sink;
    private final LinkDiscovery links;
    private final long hostLinkBps;
    private final LongSupplier clock;
    private final Map<MacAddress, HostEndpoint> byMac = new ConcurrentHashMap<>();
    private final Map<IpAddress, HostEndpoint> byIp = new ConcurrentHashMap<>();
    private final Map<IpAddress, Long> lastEdgeProbe = new ConcurrentHashMap<>();
    private final AtomicLong arpReplies = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    /**
     * @param hostLinkBps the access-link capacity to report for hosts in bits per second, 0 if unknown
     * @param clock the discovery clock in milliseconds
     */
    public HostTracker(SwitchRegistry registry, DiscoveryEventSink sink, LinkDiscovery links, long hostLinkBps,
                       LongSupplier clock) {
        this.registry = registry;
        this.sink = sink;
        this.links = links;
        this.hostLinkBps = hostLinkBps;
        this.clock = clock;
    }

    /** Handles an ARP packet that arrived at {@code inPort} of {@code sw}. */
    public void onArp(SwitchConnection sw, long inPort, EthernetFrame frame, ArpPacket arp) {
        ConnectPoint cp = ConnectPoint.of(sw.dpid(), inPort);
        if (!isEdge(cp)) {
            return;
        }
        if (!arp.senderIp().equals(UNSPECIFIED)) {
            learn(arp.senderMac(), arp.senderIp(), cp);
        }
        if (arp.opcode() == ArpPacket.REQUEST) {
            HostEndpoint target = byIp.get(arp.targetIp());
            if (target != null && !target.mac().equals(arp.senderMac())) {
                PacketOuts.send(sw, inPort, arp.replyFrame(target.mac()));
                arpReplies.incrementAndGet();
            } else if (target == null) {
                probeEdges(arp.targetIp(), frame.data(), cp);
            }
        } else {
            deliver(frame.dst(), frame.data());
        }
    }

    /** Handles an IPv4 packet that arrived at {@code inPort} of {@code sw} (a table miss). */
    public void onIpv4(SwitchConnection sw, long inPort, EthernetFrame frame, Ipv4Header ip) {
        ConnectPoint cp = ConnectPoint.of(sw.dpid(), inPort);
        if (isEdge(cp) && frame.hasUnicastSource()) {
            learn(frame.src(), ip.src(), cp);
        }
        HostEndpoint dst = byIp.get(ip.dst());
        if (dst != null && dst.mac().equals(frame.dst())) {
            deliver(dst.mac(), frame.data());
        }
    }

    private boolean isEdge(ConnectPoint cp) {
        return !links.isInfrastructure(cp);
    }

    private void learn(MacAddress mac, IpAddress ip, ConnectPoint cp) {
        if ((mac.value() & 0x0100_0000_0000L) != 0 || mac.value() == 0) {
            return;
        }
        HostEndpoint old = byMac.get(mac);
        if (old != null && old.attachment().equals(cp) && old.ips().contains(ip)) {
            return;
        }
        HostEndpoint.Builder b = old == null ? HostEndpoint.builder(mac, cp) : old.toBuilder().attachment(cp);
        HostEndpoint h = b.addIp(ip).linkBps(hostLinkBps).build();
        byMac.put(mac, h);
        HostEndpoint previousOwner = byIp.put(ip, h);
        if (previousOwner != null && !previousOwner.mac().equals(mac)) {
            log.info("address {} moved from {} to {}", ip, previousOwner.mac(), mac);
        }
        if (old == null) {
            log.info("host {} ({}) at {}", mac, ip, cp);
        } else if (!old.attachment().equals(cp)) {
            log.info("host {} moved from {} to {}", mac, old.attachment(), cp);
        }
        sink.accept(DiscoveryEvent.hostSeen(h, clock.getAsLong()));
    }

    /** Sends a frame straight to the edge port of the host owning {@code mac}, if it is known and connected. */
    private void deliver(MacAddress mac, byte[] frame) {
        HostEndpoint h = byMac.get(mac);
        if (h == null) {
            return;
        }
        SwitchConnection edge = registry.get(h.attachment().dpid());
        if (edge != null && edge.isConnected()) {
            PacketOuts.send(edge, h.attachment().portNumber(), frame);
            delivered.incrementAndGet();
        }
    }

    private void probeEdges(IpAddress target, byte[] request, ConnectPoint except) {
        long now = clock.getAsLong();
        Long last = lastEdgeProbe.get(target);
        if (last != null && now - last < PROBE_HOLD_MILLIS) {
            return;
        }
        lastEdgeProbe.put(target, now);
        for (SwitchConnection sw : registry.connections()) {
            if (!links.isSettled(sw.dpid(), PROBE_HOLD_MILLIS)) {
                continue;
            }
            java.util.List<OFMessage> outs = new java.util.ArrayList<>();
            for (OFPortDesc d : sw.physicalPorts()) {
                ConnectPoint cp = ConnectPoint.of(sw.dpid(), SwitchConnection.portNumber(d.getPortNo()));
                if (!cp.equals(except) && isEdge(cp)) {
                    outs.add(PacketOuts.of(sw, cp.portNumber(), request));
                }
            }
            sw.sendAll(outs);
        }
    }

    /** @return the host owning an address, or null */
    public HostEndpoint hostByIp(IpAddress ip) {
        return byIp.get(ip);
    }

    /** @return ARP requests answered so far */
    public long arpReplies() {
        return arpReplies.get();
    }

    /** @return packets delivered by packet-out so far */
    public long delivered() {
        return delivered.get();
    }

    /** Forgets hosts the topology removed (for instance learned on what turned out to be a switch link). */
    @Override
    public void event(TopologyEvent event) {
        if (event.type() == TopologyEvent.Type.HOST_REMOVED) {
            HostEndpoint h = byMac.remove(event.host().mac());
            if (h != null) {
                h.ips().forEach(ip -> byIp.remove(ip, h));
            }
        }
    }
}
