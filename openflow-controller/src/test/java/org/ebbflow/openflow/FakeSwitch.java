package org.ebbflow.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFStatsReplyFlags;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A minimal OpenFlow 1.3 switch for tests: answers the handshake (port descriptions in two REPLY_MORE parts),
 * echo and barrier requests, records everything it receives, and can send raw bytes.
 */
final class FakeSwitch implements AutoCloseable {
    private static final OFFactory F = OFFactories.getFactory(OFVersion.OF_13);

    private final long dpid;
    private final int ports;
    private final Socket socket;
    private final OutputStream out;
    private final List<OFMessage> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch handshakeDone = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    FakeSwitch(InetSocketAddress controller, long dpid, int ports) throws IOException {
        this.dpid = dpid;
        this.ports = ports;
        this.socket = new Socket(controller.getAddress(), controller.getPort());
        this.socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        Thread t = new Thread(this::readLoop, "fake-switch-" + dpid);
        t.setDaemon(true);
        t.start();
    }

    /** Connects without answering anything: for sending raw bytes. */
    static Socket raw(InetSocketAddress controller) throws IOException {
        return new Socket(controller.getAddress(), controller.getPort());
    }

    private void readLoop() {
        ByteBuf buf = Unpooled.buffer();
        byte[] chunk = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                buf.writeBytes(chunk, 0, n);
                OFMessage m;
                while ((m = OFFactories.getGenericReader().readFrom(buf)) != null) {
                    received.add(m);
                    answer(m);
                }
                buf.discardReadBytes();
            }
        } catch (Exception e) {
            // connection closed or broken: the test looks at isClosed()
        } finally {
            closed.countDown();
        }
    }

    private void answer(OFMessage m) throws IOException {
        switch (m.getType()) {
            case HELLO:
                send(F.buildHello().setXid(1).build());
                break;
            case FEATURES_REQUEST:
                send(F.buildFeaturesReply().setXid(m.getXid()).setDatapathId(DatapathId.of(dpid))
                        .setNTables((short) 254)
                        .setNBuffers(0).build());
                break;
            case STATS_REQUEST:
                if (m.getClass().getSimpleName().contains("PortDesc")) {
                    int half = ports / 2;
                    send(F.buildPortDescStatsReply().setXid(m.getXid()).setFlags(java.util.Set.of(
                            OFStatsReplyFlags.REPLY_MORE)).setEntries(descs(1, half)).build());
                    send(F.buildPortDescStatsReply().setXid(m.getXid()).setEntries(descs(half + 1, ports)).build());
                } else if (m.getClass().getSimpleName().contains("PortStats")) {
                    send(F.buildPortStatsReply().setXid(m.getXid()).setEntries(List.of()).build());
                } else if (m.getClass().getSimpleName().contains("FlowStats")) {
                    send(F.buildFlowStatsReply().setXid(m.getXid()).setEntries(List.of()).build());
                }
                break;
            case BARRIER_REQUEST:
                send(F.buildBarrierReply().setXid(((OFBarrierRequest) m).getXid()).build());
                if (handshakeDone.getCount() > 0) {
                    handshakeDone.countDown();
                }
                break;
            case ECHO_REQUEST:
                send(F.buildEchoReply().setXid(m.getXid()).setData(((OFEchoRequest) m).getData()).build());
                break;
            default:
                break;
        }
    }

    private List<OFPortDesc> descs(int from, int to) {
        java.util.List<OFPortDesc> l = new java.util.ArrayList<>();
        for (int p = from; p <= to; p++) {
            l.add(F.buildPortDesc().setPortNo(OFPort.of(p)).setHwAddr(MacAddress.of(0x0200_0000_0000L | dpid << 8 | p))
                    .setName("s" + dpid + "-eth" + p).setConfig(java.util.Set.<OFPortConfig>of())
                    .setState(java.util.Set.of(OFPortState.LIVE)).setCurrSpeed(10_000_000).setMaxSpeed(10_000_000)
                    .build());
        }
        l.add(F.buildPortDesc().setPortNo(OFPort.LOCAL).setHwAddr(MacAddress.of(0x0200_0000_0000L | dpid << 8))
                .setName("s" + dpid).setConfig(java.util.Set.of(OFPortConfig.PORT_DOWN))
                .setState(java.util.Set.of(OFPortState.LINK_DOWN)).build());
        return from == 1 ? l.subList(0, l.size() - 1) : l;
    }

    synchronized void send(OFMessage m) throws IOException {
        ByteBuf b = Unpooled.buffer();
        m.writeTo(b);
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        sendRaw(bytes);
    }

    synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    boolean awaitHandshake(long millis) throws InterruptedException {
        return handshakeDone.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    long count(OFType type) {
        return received.stream().filter(m -> m.getType() == type).count();
    }

    List<OFMessage> received() {
        return received;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
