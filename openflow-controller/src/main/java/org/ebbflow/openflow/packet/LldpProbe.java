package org.ebbflow.openflow.packet;

import java.nio.ByteBuffer;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.MacAddress;

/**
 * The LLDP frames ebbflow sends out of every switch port to find links (Floodlight's layout): chassis-id TLV (the
 * MAC part of the dpid), port-id TLV (4-byte port number), TTL 120, an organisational TLV (OUI 00:26:e1, subtype 0)
 * with the 8-byte dpid and one (subtype 1) with the sending controller's id, so probes of other controllers are
 * ignored. Destination 01:80:c2:00:00:0e, which bridges never forward.
 */
public final class LldpProbe {
    /** The nearest-bridge LLDP multicast address. */
    public static final MacAddress LLDP_MULTICAST = MacAddress.of(0x0180_C200_000EL);
    private static final byte[] OUI = {0x00, 0x26, (byte) 0xE1};

    private final ConnectPoint origin;
    private final long controllerId;

    private LldpProbe(ConnectPoint origin, long controllerId) {
        this.origin = origin;
        this.controllerId = controllerId;
    }

    /** @return the frame to send out of {@code port}, whose hardware address is {@code srcMac} */
    public static byte[] build(ConnectPoint port, MacAddress srcMac, long controllerId) {
        ByteBuffer b = ByteBuffer.allocate(14 + 9 + 7 + 4 + 14 + 14 + 2);
        EthernetFrame.writeMac(b, LLDP_MULTICAST);
        EthernetFrame.writeMac(b, srcMac);
        b.putShort((short) EthernetFrame.TYPE_LLDP);
        tlv(b, 1, 7).put((byte) 4);                                    // chassis id, subtype MAC
        EthernetFrame.writeMac(b, MacAddress.of(port.dpid().value() & 0xFFFF_FFFF_FFFFL));
        tlv(b, 2, 5).put((byte) 2).putInt((int) port.portNumber());    // port id, subtype port component
        tlv(b, 3, 2).putShort((short) 120);                            // TTL
        tlv(b, 127, 12).put(OUI).put((byte) 0).putLong(port.dpid().value());
        tlv(b, 127, 12).put(OUI).put((byte) 1).putLong(controllerId);
        b.putShort((short) 0);                                         // end
        return b.array();
    }

    private static ByteBuffer tlv(ByteBuffer b, int type, int length) {
        return b.putShort((short) ((type << 9) | length));
    }

    /** @return the probe in a frame, or null if it is not a well-formed ebbflow LLDP probe */
    public static LldpProbe parse(EthernetFrame frame) {
        if (frame.etherType() != EthernetFrame.TYPE_LLDP) {
            return null;
        }
        ByteBuffer b = frame.payload();
        Long dpid = null;
        Long port = null;
        Long controller = null;
        while (b.remaining() >= 2) {
            int header = b.getShort() & 0xFFFF;
            int type = header >>> 9;
            int length = header & 0x1FF;
            if (type == 0 || length > b.remaining()) {
                break;
            }
            int next = b.position() + length;
            if (type == 2 && length == 5 && b.get() == 2) {
                port = b.getInt() & 0xFFFF_FFFFL;
            } else if (type == 127 && length == 12 && b.get() == OUI[0] && b.get() == OUI[1] && b.get() == OUI[2]) {
                int subtype = b.get();
                if (subtype == 0) {
                    dpid = b.getLong();
                } else if (subtype == 1) {
                    controller = b.getLong();
                }
            }
            b.position(next);
        }
        if (dpid == null || port == null || controller == null || port < 1 || port > 0xFFFF_FF00L) {
            return null;
        }
        return new LldpProbe(ConnectPoint.of(DatapathId.of(dpid), port), controller);
    }

    /** @return the port the probe was sent from */
    public ConnectPoint origin() {
        return origin;
    }

    /** @return the id of the controller that sent it */
    public long controllerId() {
        return controllerId;
    }
}
