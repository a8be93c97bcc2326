package org.ebbflow.openflow.discovery;

import java.util.concurrent.atomic.AtomicLong;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.openflow.channel.SwitchListener;
import org.ebbflow.openflow.packet.ArpPacket;
import org.ebbflow.openflow.packet.EthernetFrame;
import org.ebbflow.openflow.packet.Ipv4Header;
import org.ebbflow.openflow.packet.LldpProbe;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Parses each packet-in once and hands it on: LLDP probes to {@link LinkDiscovery}, ARP and IPv4 to
 * {@link HostTracker}; IPv6 (neighbour-discovery noise) and everything else is counted and dropped. A packet that
 * does not parse is dropped too: a bad packet never costs the switch its connection.
 */
public final class PacketInDispatcher implements SwitchListener {
    private final LinkDiscovery links;
    private final HostTracker hosts;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();

    /** Dispatches to these two. */
    public PacketInDispatcher(LinkDiscovery links, HostTracker hosts) {
        this.links = links;
        this.hosts = hosts;
    }

    @Override
    public void packetIn(SwitchConnection sw, OFPacketIn pi) {
        total.incrementAndGet();
        OFPort in = pi.getMatch().get(MatchField.IN_PORT);
        EthernetFrame frame = EthernetFrame.parse(pi.getData());
        if (in == null || !SwitchConnection.isPhysical(in) || frame == null) {
            ignored.incrementAndGet();
            return;
        }
        long inPort = SwitchConnection.portNumber(in);
        switch (frame.etherType()) {
            case EthernetFrame.TYPE_LLDP: {
                LldpProbe probe = LldpProbe.parse(frame);
                if (probe != null) {
                    links.onProbe(sw, inPort, probe);
                    return;
                }
                break;
            }
            case EthernetFrame.TYPE_ARP: {
                ArpPacket arp = ArpPacket.parse(frame);
                if (arp != null) {
                    hosts.onArp(sw, inPort, frame, arp);
                    return;
                }
                break;
            }
            case EthernetFrame.TYPE_IPV4: {
                Ipv4Header ip = Ipv4Header.parse(frame);
                if (ip != null) {
                    hosts.onIpv4(sw, inPort, frame, ip);
                    return;
                }
                break;
            }
            default:
                break;
        }
        ignored.incrementAndGet();
    }

    /** @return packet-ins received so far */
    public long total() {
        return total.get();
    }

    /** @return packet-ins dropped without use (IPv6, other protocols, unparseable) so far */
    public long ignored() {
        return ignored.get();
    }
}
