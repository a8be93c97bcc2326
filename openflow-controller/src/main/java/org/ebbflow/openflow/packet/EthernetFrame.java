package org.ebbflow.openflow.packet;

import java.nio.ByteBuffer;
import org.ebbflow.topology.MacAddress;

/**
 * The Ethernet header of a frame (one 802.1Q tag skipped) and where its payload starts. Parsing never throws: a
 * frame too short for a header yields null.
 */
public final class EthernetFrame {
    /** IPv4. */
    public static final int TYPE_IPV4 = 0x0800;
    /** ARP. */
    public static final int TYPE_ARP = 0x0806;
    /** IPv6. */
    public static final int TYPE_IPV6 = 0x86DD;
    /** LLDP. */
    public static final int TYPE_LLDP = 0x88CC;
    /** IEEE 802.1Q VLAN tag. */
    public static final int TYPE_VLAN = 0x8100;
    /** The broadcast address. */
    public static final MacAddress BROADCAST = MacAddress.of(0xFFFF_FFFF_FFFFL);

    private final byte[] data;
    private final MacAddress dst;
    private final MacAddress src;
    private final int etherType;
    private final int payloadOffset;

    private EthernetFrame(byte[] data, MacAddress dst, MacAddress src, int etherType, int payloadOffset) {
        this.data = data;
        this.dst = dst;
        this.src = src;
        this.etherType = etherType;
        this.payloadOffset = payloadOffset;
    }

    /** @return the parsed header, or null if the frame is shorter than an Ethernet header */
    public static EthernetFrame parse(byte[] frame) {
        if (frame == null || frame.length < 14) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        MacAddress dst = readMac(b);
        MacAddress src = readMac(b);
        int type = b.getShort() & 0xFFFF;
        int offset = 14;
        if (type == TYPE_VLAN) {
            if (frame.length < 18) {
                return null;
            }
            b.getShort();
            type = b.getShort() & 0xFFFF;
            offset = 18;
        }
        return new EthernetFrame(frame, dst, src, type, offset);
    }

    static MacAddress readMac(ByteBuffer b) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b.get() & 0xFF);
        }
        return MacAddress.of(v);
    }

    static void writeMac(ByteBuffer b, MacAddress mac) {
        long v = mac.value();
        for (int shift = 40; shift >= 0; shift -= 8) {
            b.put((byte) (v >>> shift));
        }
    }

    /** @return the destination MAC */
    public MacAddress dst() {
        return dst;
    }

    /** @return the source MAC */
    public MacAddress src() {
        return src;
    }

    /** @return the EtherType of the payload (after a VLAN tag, if any) */
    public int etherType() {
        return etherType;
    }

    /** @return the whole frame (not copied) */
    public byte[] data() {
        return data;
    }

    /** @return a read-only view of the payload */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(data, payloadOffset, data.length - payloadOffset).slice().asReadOnlyBuffer();
    }

    /** @return true if the source is a unicast address (group bit clear) and not zero */
    public boolean hasUnicastSource() {
        return src.value() != 0 && (src.value() & 0x0100_0000_0000L) == 0;
    }
}
