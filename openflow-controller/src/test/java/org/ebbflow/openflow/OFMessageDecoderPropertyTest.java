package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ebbflow.openflow.channel.OFMessageDecoder;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * The message decoder on its own (no sockets): whatever bytes arrive, in whatever pieces, it either yields whole
 * messages, waits for more, or fails with a {@link CorruptedFrameException}, the one error the channel handler turns
 * into closing that connection; never any other exception (an index out of bounds, a null pointer) that would
 * escape as a bug. And valid streams cut at any points decode to exactly the messages sent.
 */
class OFMessageDecoderPropertyTest {
    private static final OFFactory F = OFFactories.getFactory(OFVersion.OF_13);

    static List<OFMessage> valid() {
        List<OFMessage> m = new ArrayList<>();
        m.add(F.buildHello().setXid(1).build());
        m.add(F.buildEchoRequest().setXid(2).setData(new byte[] {1, 2, 3}).build());
        m.add(F.buildFeaturesReply().setXid(3).setNTables((short) 254).setNBuffers(0).build());
        m.add(F.buildPortStatsRequest().setXid(4).setPortNo(OFPort.ANY).build());
        m.add(F.buildFlowAdd().setXid(5).setCookie(U64.of(0xEBBF_1000_0000_0100L)).setPriority(30000)
                .setMatch(F.buildMatch().setExact(MatchField.ETH_TYPE, EthType.IPv4)
                        .setExact(MatchField.ETH_SRC, MacAddress.of(1)).build())
                .setActions(List.of(F.actions().output(OFPort.of(2), 0xffff))).build());
        OFPortStatus ps = F.buildPortStatus().setXid(6).setReason(OFPortReason.MODIFY)
                .setDesc(F.buildPortDesc().setPortNo(OFPort.of(3)).setHwAddr(MacAddress.of(7)).setName("s1-eth3")
                        .build()).build();
        m.add(ps);
        m.add(F.buildBarrierReply().setXid(7).build());
        return m;
    }

    static byte[] bytes(List<OFMessage> messages) {
        ByteBuf b = Unpooled.buffer();
        messages.forEach(m -> m.writeTo(b));
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    @Provide
    Arbitrary<byte[]> corrupted() {
        byte[] good = bytes(valid());
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(400);
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, good.length - 1).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(positions -> Arbitraries.integers().between(1, 255).map(x -> {
                    byte[] b = good.clone();
                    for (int p : positions) {
                        b[p] = (byte) (b[p] ^ x.intValue());
                    }
                    return b;
                }));
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, good.length).map(n -> {
            byte[] b = new byte[n];
            System.arraycopy(good, 0, b, 0, n);
            return b;
        });
        return Arbitraries.oneOf(random, flipped, truncated);
    }

    @Property(tries = 400)
    void anyBytesDecodeOrFailOnlyAsACorruptedFrame(@ForAll("corrupted") byte[] input,
                                                  @ForAll @IntRange(min = 1, max = 64) int chunk) {
        EmbeddedChannel ch = new EmbeddedChannel(new OFMessageDecoder());
        boolean failed = false;
        for (int i = 0; i < input.length && !failed; i += chunk) {
            int from = i;
            failed = onlyCorruptedFrames(() -> ch.writeInbound(Unpooled.wrappedBuffer(input, from,
                    Math.min(chunk, input.length - from))));
        }
        Object m;
        while ((m = ch.readInbound()) != null) {
            assertInstanceOf(OFMessage.class, m);
        }
        // Closing decodes what is left over: the same rule holds there.
        onlyCorruptedFrames(ch::finishAndReleaseAll);
    }

    /** @return true if the action failed, which it may only do with a corrupted frame */
    private static boolean onlyCorruptedFrames(Runnable action) {
        try {
            action.run();
            return false;
        } catch (DecoderException e) {
            assertInstanceOf(CorruptedFrameException.class, e, "only corrupted frames may fail: " + e);
            return true;
        }
    }

    @Property(tries = 200)
    void validStreamCutAnywhereDecodesToTheSameMessages(@ForAll @IntRange(min = 1, max = 200) int chunk) {
        List<OFMessage> sent = valid();
        byte[] input = bytes(sent);
        EmbeddedChannel ch = new EmbeddedChannel(new OFMessageDecoder());
        for (int i = 0; i < input.length; i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(chunk, input.length - i)));
        }
        List<OFMessage> got = new ArrayList<>();
        Object m;
        while ((m = ch.readInbound()) != null) {
            got.add((OFMessage) m);
        }
        assertEquals(sent, got);
        assertTrue(ch.finishAndReleaseAll() || true);
    }
}
