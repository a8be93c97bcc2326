package org.ebbflow.openflow.discovery;

import java.util.List;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/** Builds the packet-outs the controller sends: a whole frame out of one port, from the controller. */
public final class PacketOuts {
    private PacketOuts() {
    }

    /** @return a packet-out sending {@code frame} out of {@code port} */
    public static OFPacketOut of(SwitchConnection sw, long port, byte[] frame) {
        OFFactory f = sw.factory();
        return f.buildPacketOut()
                .setXid(sw.nextXid())
                .setBufferId(OFBufferId.NO_BUFFER)
                .setInPort(OFPort.CONTROLLER)
                .setActions(List.of(f.actions().output(OFPort.of((int) port), 0xffff)))
                .setData(frame)
                .build();
    }

    /** Sends {@code frame} out of {@code port}. */
    public static void send(SwitchConnection sw, long port, byte[] frame) {
        sw.send(of(sw, port, frame));
    }
}
