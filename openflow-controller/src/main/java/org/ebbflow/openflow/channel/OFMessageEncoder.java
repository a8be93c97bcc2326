package org.ebbflow.openflow.channel;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.projectfloodlight.openflow.protocol.OFMessage;

/** Writes OpenFlow messages with openflowj's own serialisers. */
public final class OFMessageEncoder extends MessageToByteEncoder<OFMessage> {
    @Override
    protected void encode(ChannelHandlerContext ctx, OFMessage msg, ByteBuf out) {
        msg.writeTo(out);
    }
}
