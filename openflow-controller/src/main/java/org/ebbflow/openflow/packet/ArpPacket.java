package org.ebbflow.openflow.packet;

import java.nio.ByteBuffer;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;

/** An Ethernet/IPv4 ARP request or reply. Parsing never throws; building makes a complete Ethernet frame. */
public final class ArpPacket {
    /** Opcode of a request. */
    public static final int REQUEST = 1;
    /** Opcode of a reply. */
    public static final int REPLY = 2;
    private static final int LENGTH = 28;

    private final int opcode;
    private final MacAddress senderMac;
    private final IpAddress senderIp;
    private final MacAddress targetMac;
    private final IpAddress targetIp;

    private ArpPacket(int opcode, MacAddress senderMac, IpAddress senderIp, MacAddress targetMac, IpAddress targetIp) {
        this.opcode = opcode;
        this.senderMac = senderMac;
        this.senderIp = senderIp;
        this.targetMac = targetMac;
        this.targetIp = targetIp;
    }

    /** @return the ARP packet in an Ethernet frame, or null if it is not a well-formed Ethernet/IPv4 ARP packet */
    public static ArpPacket parse(EthernetFrame frame) {
        if (frame.etherType() != EthernetFrame.TYPE_ARP) {
            return null;
        }
        ByteBuffer b = frame.payload();
        if (b.remaining() < LENGTH) {
            return null;
        }
        int htype = b.getShort() & 0xFFFF;
        int ptype = b.getShort() & 0xFFFF;
        int hlen = b.get() & 0xFF;
        int plen = b.get() & 0xFF;
        int op = b.getShort() & 0xFFFF;
        if (htype != 1 || ptype != EthernetFrame.TYPE_IPV4 || hlen != 6 || plen != 4
                || (op != REQUEST && op != REPLY)) {
            return null;
        }
        MacAddress sha = EthernetFrame.readMac(b);
        IpAddress spa = readIp(b);
        MacAddress tha = EthernetFrame.readMac(b);
        IpAddress tpa = readIp(b);
        return new ArpPacket(op, sha, spa, tha, tpa);
    }

    static IpAddress readIp(ByteBuffer b) {
        return IpAddress.ipv4(b.get() & 0xFF, b.get() & 0xFF, b.get() & 0xFF, b.get() & 0xFF);
    }

    /**
     * Builds the reply a host owning {@code ip} with {@code mac} gives to this request.
     *
     * @return the Ethernet frame of the reply, addressed to the requester
     */
    public byte[] replyFrame(MacAddress mac) {
        return frame(REPLY, mac, targetIp, senderMac, senderIp, senderMac);
    }

    /**
     * @return an Ethernet frame carrying an ARP packet
     * @param ethDst the frame's destination (the target MAC for replies, broadcast for requests)
     */
    public static byte[] frame(int opcode, MacAddress sha, IpAddress spa, MacAddress tha, IpAddress tpa,
                               MacAddress ethDst) {
        ByteBuffer b = ByteBuffer.allocate(14 + LENGTH + 18);
        EthernetFrame.writeMac(b, ethDst);
        EthernetFrame.writeMac(b, sha);
        b.putShort((short) EthernetFrame.TYPE_ARP);
        b.putShort((short) 1).putShort((short) EthernetFrame.TYPE_IPV4).put((byte) 6).put((byte) 4);
        b.putShort((short) opcode);
        EthernetFrame.writeMac(b, sha);
        b.put(spa.octets());
        EthernetFrame.writeMac(b, tha);
        b.put(tpa.octets());
        return b.array();
    }

    /** @return {@link #REQUEST} or {@link #REPLY} */
    public int opcode() {
        return opcode;
    }

    /** @return the sender's MAC */
    public MacAddress senderMac() {
        return senderMac;
    }

    /** @return the sender's IPv4 address (0.0.0.0 for an ARP probe) */
    public IpAddress senderIp() {
        return senderIp;
    }

    /** @return the target MAC (zero in requests) */
    public MacAddress targetMac() {
        return targetMac;
    }

    /** @return the target IPv4 address */
    public IpAddress targetIp() {
        return targetIp;
    }

    @Override
    public String toString() {
        return (opcode == REQUEST ? "who-has " + targetIp + " tell " + senderIp : senderIp + " is-at " + senderMac);
    }
}
