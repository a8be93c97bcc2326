package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.ebbflow.openflow.packet.ArpPacket;
import org.ebbflow.openflow.packet.EthernetFrame;
import org.ebbflow.openflow.packet.LldpProbe;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;
import org.junit.jupiter.api.Test;

class PacketsTest {
    @Test
    void lldpProbeRoundTrips() {
        ConnectPoint cp = ConnectPoint.of(DatapathId.of(0x30102), 3);
        byte[] frame = LldpProbe.build(cp, MacAddress.parse("02:00:00:00:00:01"), 42);
        assertEquals(64, frame.length);
        LldpProbe p = LldpProbe.parse(EthernetFrame.parse(frame));
        assertEquals(cp, p.origin());
        assertEquals(42, p.controllerId());
        for (int cut = 0; cut < frame.length; cut++) {
            EthernetFrame f = EthernetFrame.parse(Arrays.copyOf(frame, cut));
            if (f != null && cut < 60) {
                assertNull(LldpProbe.parse(f), "truncated at " + cut);
            }
        }
    }

    @Test
    void arpReplyAnswersTheRequester() {
        MacAddress a = MacAddress.parse("00:00:00:00:01:01");
        MacAddress b = MacAddress.parse("00:00:00:00:01:02");
        byte[] req = ArpPacket.frame(ArpPacket.REQUEST, a, IpAddress.parse("10.0.1.1"), MacAddress.of(0),
                IpAddress.parse("10.0.1.2"), EthernetFrame.BROADCAST);
        ArpPacket request = ArpPacket.parse(EthernetFrame.parse(req));
        EthernetFrame replyFrame = EthernetFrame.parse(request.replyFrame(b));
        ArpPacket reply = ArpPacket.parse(replyFrame);
        assertEquals(ArpPacket.REPLY, reply.opcode());
        assertEquals(a, replyFrame.dst());
        assertEquals(b, reply.senderMac());
        assertEquals(IpAddress.parse("10.0.1.2"), reply.senderIp());
        assertEquals(IpAddress.parse("10.0.1.1"), reply.targetIp());
        assertNull(ArpPacket.parse(EthernetFrame.parse(Arrays.copyOf(req, 30))));
    }
}
