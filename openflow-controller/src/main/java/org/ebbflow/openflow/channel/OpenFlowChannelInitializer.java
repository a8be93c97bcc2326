package org.ebbflow.openflow.channel;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Builds each switch connection's pipeline: idle detection, decoder, encoder, the switch handler. */
public final class OpenFlowChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final SwitchRegistry registry;
    private final long echoIntervalMillis;
    private final long requestTimeoutMillis;
    private final long handshakeTimeoutMillis;

    /**
     * @param registry where switches are registered
     * @param echoIntervalMillis quiet time (nothing read) after which an echo request is sent
     * @param requestTimeoutMillis how long a request (an echo request too) waits for its reply
     * @param handshakeTimeoutMillis how long the handshake may take
     */
    public OpenFlowChannelInitializer(SwitchRegistry registry, long echoIntervalMillis, long requestTimeoutMillis,
                                      long handshakeTimeoutMillis) {
        this.registry = registry;
        this.echoIntervalMillis = echoIntervalMillis;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(echoIntervalMillis, 0, 0, TimeUnit.MILLISECONDS))
                .addLast("decoder", new OFMessageDecoder())
                .addLast("encoder", new OFMessageEncoder())
                .addLast("switch", new SwitchChannelHandler(registry, requestTimeoutMillis, handshakeTimeoutMillis));
    }
}
