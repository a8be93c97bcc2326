package org.ebbflow.openflow.channel;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ebbflow.topology.DatapathId;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesReply;
import org.projectfloodlight.openflow.protocol.OFHello;
import org.projectfloodlight.openflow.protocol.OFHelloElem;
import org.projectfloodlight.openflow.protocol.OFHelloElemVersionbitmap;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsReply;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.U32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One switch connection's state machine: OpenFlow 1.3 handshake (hello with a version bitmap, features, port
 * descriptions, set-config with miss_send_len 0xffff, barrier), then keep-alive (an echo request after a quiet
 * interval; no answer within the timeout closes the connection), then delivery of replies, port-status and
 * packet-in messages. Anything malformed or unexpected closes this connection with one log line; nothing here
 * blocks the event loop.
 */
public final class SwitchChannelHandler extends SimpleChannelInboundHandler<OFMessage> {
    private static final Logger log = LoggerFactory.getLogger(SwitchChannelHandler.class);
    /** Messages only a controller sends: a switch sending one is broken or not a switch. */
    private static final Set<OFType> CONTROLLER_ONLY = EnumSet.of(OFType.FEATURES_REQUEST, OFType.GET_CONFIG_REQUEST,
            OFType.SET_CONFIG, OFType.PACKET_OUT, OFType.FLOW_MOD, OFType.GROUP_MOD, OFType.PORT_MOD, OFType.TABLE_MOD,
            OFType.STATS_REQUEST, OFType.BARRIER_REQUEST, OFType.QUEUE_GET_CONFIG_REQUEST, OFType.ROLE_REQUEST,
            OFType.GET_ASYNC_REQUEST, OFType.SET_ASYNC, OFType.METER_MOD);

    private enum State { WAIT_HELLO, HANDSHAKE, ACTIVE, CLOSED }

    private final SwitchRegistry registry;
    private final long requestTimeoutMillis;
    private final long handshakeTimeoutMillis;
    private SwitchConnection conn;
    private State state = State.WAIT_HELLO;
    private ScheduledFuture<?> handshakeTimer;
    private boolean echoOutstanding;
    private boolean closing;

    /**
     * @param registry where the switch is registered once its handshake completes
     * @param requestTimeoutMillis how long requests (and echo requests) wait for replies
     * @param handshakeTimeoutMillis how long the whole handshake may take
     */
    public SwitchChannelHandler(SwitchRegistry registry, long requestTimeoutMillis, long handshakeTimeoutMillis) {
        this.registry = registry;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        conn = new SwitchConnection(ctx.channel(), requestTimeoutMillis);
        OFFactory f = conn.factory();
        OFHelloElem bitmap = f.buildHelloElemVersionbitmap().setBitmaps(List.of(U32.of(1 << 4))).build();
        conn.send(f.buildHello().setXid(conn.nextXid()).setElements(List.of(bitmap)).build());
        handshakeTimer = ctx.executor().schedule(() -> fail(ctx, "handshake not finished within "
                + handshakeTimeoutMillis + " ms"), handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
        log.debug("connection from {}", ctx.channel().remoteAddress());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        boolean wasActive = state == State.ACTIVE;
        state = State.CLOSED;
        cancelHandshakeTimer();
        if (conn != null) {
            conn.close("connection closed");
            if (wasActive) {
                registry.deactivate(conn);
            }
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, OFMessage msg) {
        if (state == State.CLOSED || closing) {
            return;
        }
        if (CONTROLLER_ONLY.contains(msg.getType())) {
            fail(ctx, "unexpected " + msg.getType() + " from a switch");
            return;
        }
        if (state == State.WAIT_HELLO) {
            onHello(ctx, msg);
            return;
        }
        if (msg.getVersion() != OFVersion.OF_13) {
            fail(ctx, "message of version " + msg.getVersion() + " after negotiating OF_13");
            return;
        }
        switch (msg.getType()) {
            case HELLO:
                fail(ctx, "second HELLO");
                return;
            case ECHO_REQUEST:
                conn.send(conn.factory().buildEchoReply().setXid(msg.getXid())
                        .setData(((OFEchoRequest) msg).getData()).build());
                return;
            default:
                break;
        }
        if (conn.onReply(msg)) {
            return;
        }
        if (state != State.ACTIVE) {
            log.debug("{} before the handshake finished ignored: {}", msg.getType(), conn);
            return;
        }
        switch (msg.getType()) {
            case PACKET_IN:
                registry.packetIn(conn, (OFPacketIn) msg);
                break;
            case PORT_STATUS:
                onPortStatus((OFPortStatus) msg);
                break;
            case FLOW_REMOVED:
            case ECHO_REPLY:
                break;
            default:
                log.debug("unsolicited {} from {} ignored", msg.getType(), conn);
        }
    }

    private void onHello(ChannelHandlerContext ctx, OFMessage msg) {
        if (msg.getType() != OFType.HELLO) {
            fail(ctx, "expected HELLO, got " + msg.getType());
            return;
        }
        if (!supports13((OFHello) msg)) {
            conn.send(conn.factory().errorMsgs().buildHelloFailedErrorMsg().setXid(msg.getXid())
                    .setCode(org.projectfloodlight.openflow.protocol.OFHelloFailedCode.INCOMPATIBLE).build());
            fail(ctx, "switch does not speak OpenFlow 1.3 (hello version " + msg.getVersion() + ")");
            return;
        }
        state = State.HANDSHAKE;
        OFFactory f = conn.factory();
        conn.request(f.buildFeaturesRequest().setXid(conn.nextXid()).build())
                .thenCompose(r -> {
                    OFFeaturesReply fr = (OFFeaturesReply) r.get(0);
                    conn.identify(DatapathId.of(fr.getDatapathId().getLong()), fr.getNTables());
                    return conn.stats(f.buildPortDescStatsRequest().setXid(conn.nextXid()).build());
                })
                .thenCompose(parts -> {
                    List<OFPortDesc> descs = new ArrayList<>();
                    for (OFPortDescStatsReply p : parts) {
                        descs.addAll(p.getEntries());
                    }
                    conn.setPorts(descs);
                    conn.send(f.buildSetConfig().setXid(conn.nextXid()).setMissSendLen(0xffff).build());
                    return conn.barrier();
                })
                .whenComplete((v, err) -> ctx.executor().execute(() -> {
                    if (err != null) {
                        fail(ctx, "handshake failed: " + err);
                    } else if (state == State.HANDSHAKE) {
                        cancelHandshakeTimer();
                        state = State.ACTIVE;
                        registry.activate(conn);
                    }
                }));
    }

    private static boolean supports13(OFHello hello) {
        if (hello.getVersion() == OFVersion.OF_13) {
            return true;
        }
        if (hello.getVersion().compareTo(OFVersion.OF_13) < 0) {
            return false;
        }
        for (OFHelloElem e : hello.getElements()) {
            if (e instanceof OFHelloElemVersionbitmap) {
                for (U32 word : ((OFHelloElemVersionbitmap) e).getBitmaps()) {
                    return (word.getValue() & (1 << 4)) != 0;
                }
            }
        }
        return false;
    }

    private void onPortStatus(OFPortStatus ps) {
        if (ps.getReason() == OFPortReason.DELETE) {
            conn.removePort(ps.getDesc().getPortNo());
        } else {
            conn.updatePort(ps.getDesc());
        }
        registry.portStatus(conn, ps);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent) || state != State.ACTIVE) {
            return;
        }
        if (echoOutstanding) {
            return;
        }
        echoOutstanding = true;
        conn.request(conn.factory().buildEchoRequest().setXid(conn.nextXid()).build())
                .whenComplete((r, err) -> ctx.executor().execute(() -> {
                    echoOutstanding = false;
                    if (err != null && state == State.ACTIVE) {
                        fail(ctx, "keep-alive failed: " + err.getMessage());
                    }
                }));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        if (state == State.CLOSED || closing) {
            return;
        }
        closing = true;
        log.warn("closing OpenFlow connection {} ({}): {}", conn == null ? "?" : conn, ctx.channel().remoteAddress(),
                why);
        cancelHandshakeTimer();
        ctx.close();
    }

    private void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
            handshakeTimer = null;
        }
    }
}
