package org.ebbflow.openflow.packet;

import java.nio.ByteBuffer;
import org.ebbflow.topology.IpAddress;

/** The addresses of an IPv4 header. Parsing never throws. */
public final class Ipv4Header {
    private final IpAddress src;
    private final IpAddress dst;

    private Ipv4Header(IpAddress src, IpAddress dst) {
        this.src = src;
        this.dst = dst;
    }

    /** @return the header, or null if the frame does not carry a well-formed IPv4 header */
    public static Ipv4Header parse(EthernetFrame frame) {
        if (frame.etherType() != EthernetFrame.TYPE_IPV4) {
            return null;
        }
        ByteBuffer b = frame.payload();
        if (b.remaining() < 20) {
            return null;
        }
        int versionIhl = b.get(0) & 0xFF;
        if (versionIhl >> 4 != 4 || (versionIhl & 0xF) < 5) {
            return null;
        }
        b.position(12);
        IpAddress src = ArpPacket.readIp(b);
        IpAddress dst = ArpPacket.readIp(b);
        return new Ipv4Header(src, dst);
    }

    /** @return the source address */
    public IpAddress src() {
        return src;
    }

    /** @return the destination address */
    public IpAddress dst() {
        return dst;
    }
}
