package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ebbflow.topology.DatapathId;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The decoder's error path under random and truncated input: whatever bytes a peer sends, the controller never
 * crashes, at worst closes that one connection, and a healthy switch connected beside it keeps answering.
 */
class DecoderFuzzTest {
    private static final OFFactory F = OFFactories.getFactory(OFVersion.OF_13);
    private static OpenFlowController controller;
    private static InetSocketAddress address;
    private static FakeSwitch healthy;

    @BeforeContainer
    static void start() throws Exception {
        controller = new OpenFlowController(ControllerConfig.defaults().withListen("127.0.0.1", 0));
        address = controller.start();
        healthy = new FakeSwitch(address, 0x77, 2);
        assertTrue(healthy.awaitHandshake(5000));
    }

    @AfterContainer
    static void stop() throws IOException {
        healthy.close();
        controller.close();
    }

    @Provide
    Arbitrary<byte[]> junk() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(600);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(1, 200).map(DecoderFuzzTest::truncatedMessages);
        Arbitrary<byte[]> headerish = Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(80)
                .map(b -> {
                    b[0] = 4;
                    b[2] = 0;
                    b[3] = (byte) Math.max(0, Math.min(b.length, b[3] & 0xFF));
                    return b;
                });
        return Arbitraries.oneOf(random, truncated, headerish);
    }

    /** A valid hello and port-stats request followed by a flow-add cut short and random tail bytes. */
    static byte[] truncatedMessages(int cut) {
        ByteBuf b = Unpooled.buffer();
        F.buildHello().setXid(1).build().writeTo(b);
        F.buildPortStatsRequest().setXid(2).setPortNo(OFPort.ANY).build().writeTo(b);
        ByteBuf flow = Unpooled.buffer();
        F.buildFlowAdd().setXid(3).build().writeTo(flow);
        b.writeBytes(flow, 0, Math.min(cut, flow.readableBytes()));
        for (int i = 0; i < cut % 13; i++) {
            b.writeByte(cut * 31 + i);
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    @Property(tries = 60)
    void junkNeverCrashesTheControllerNorDisturbsOtherSwitches(@ForAll("junk") byte[] bytes) throws Exception {
        try (Socket s = FakeSwitch.raw(address)) {
            s.setSoTimeout(300);
            try {
                s.getOutputStream().write(bytes);
                s.getInputStream().read(new byte[4096]);
            } catch (SocketException | java.net.SocketTimeoutException e) {
                // closed by the controller, or it waits for the rest of a message: both are fine
            }
        }
        controller.programmer().barrier(List.of(DatapathId.of(0x77))).get(5, TimeUnit.SECONDS);
        try (Socket probe = FakeSwitch.raw(address)) {
            assertTrue(probe.isConnected(), "the controller still accepts connections");
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong NEXT_DPID = new java.util.concurrent.atomic.AtomicLong(0x1000);

    @Property(tries = 30)
    void junkAfterTheHandshakeClosesOnlyThatSwitch(@ForAll("junk") byte[] bytes) throws Exception {
        long dpid = NEXT_DPID.incrementAndGet();
        try (FakeSwitch sw = new FakeSwitch(address, dpid, 2)) {
            assertTrue(sw.awaitHandshake(5000), "handshake");
            try {
                sw.sendRaw(bytes);
            } catch (SocketException e) {
                // already closed by the controller
            }
            // Either the junk was a (partial) message the switch may send, or the connection is closed; either
            // way the other switch is served and the controller accepts new switches.
            sw.awaitClosed(300);
        }
        controller.programmer().barrier(List.of(DatapathId.of(0x77))).get(5, TimeUnit.SECONDS);
        try (FakeSwitch next = new FakeSwitch(address, NEXT_DPID.incrementAndGet(), 1)) {
            assertTrue(next.awaitHandshake(5000), "a new switch still completes its handshake");
        }
    }
}
