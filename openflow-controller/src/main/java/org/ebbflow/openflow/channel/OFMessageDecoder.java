package org.ebbflow.openflow.channel;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import org.projectfloodlight.openflow.exceptions.OFParseError;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFMessageReader;

/**
 * Splits the byte stream into OpenFlow messages by the header's length field and parses each one on its own slice,
 * so a parser that misreads a message can never consume the next one. Anything malformed (a length below the
 * 8-byte header, a version openflowj does not know, a body that does not parse or is not consumed exactly) raises a
 * {@link CorruptedFrameException}; the channel handler then closes the connection.
 */
public final class OFMessageDecoder extends ByteToMessageDecoder {
    /** The OpenFlow header: version, type, length, xid. */
    public static final int HEADER_BYTES = 8;
    private static final OFMessageReader<OFMessage> READER = OFFactories.getGenericReader();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= HEADER_BYTES) {
            int start = in.readerIndex();
            int length = in.getUnsignedShort(start + 2);
            if (length < HEADER_BYTES) {
                throw new CorruptedFrameException("OpenFlow message length " + length + " below the header size");
            }
            if (in.readableBytes() < length) {
                return;
            }
            out.add(parse(in.retainedSlice(start, length), length));
            in.readerIndex(start + length);
        }
    }

    /** Parses exactly one message from a slice holding it; releases the slice. */
    static OFMessage parse(ByteBuf slice, int length) {
        try {
            OFMessage msg;
            try {
                msg = READER.readFrom(slice);
            } catch (OFParseError | RuntimeException e) {
                throw new CorruptedFrameException("unparseable OpenFlow message (version 0x"
                        + Integer.toHexString(slice.getUnsignedByte(0)) + ", type " + slice.getUnsignedByte(1)
                        + ", " + length + " bytes): " + e.getMessage(), e);
            }
            if (msg == null || slice.readerIndex() != length) {
                throw new CorruptedFrameException("OpenFlow message of " + length + " bytes parsed "
                        + (msg == null ? "as incomplete" : slice.readerIndex() + " bytes"));
            }
            return msg;
        } finally {
            slice.release();
        }
    }
}
