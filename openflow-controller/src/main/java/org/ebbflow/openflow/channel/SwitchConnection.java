package org.ebbflow.openflow.channel;

import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.ebbflow.topology.DatapathId;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsReplyFlags;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * One switch's control connection: sends messages, tracks requests by xid (stats replies with REPLY_MORE are
 * assembled, errors fail the request), remembers errors for fire-and-forget messages until a barrier collects them,
 * and keeps the switch's port descriptions (PortMod needs each port's real hardware address).
 *
 * <p>Thread-safe: any thread may send; replies arrive on the channel's event loop, where futures complete, so
 * callbacks attached to them must not block.
 */
public final class SwitchConnection {
    private static final OFFactory FACTORY = OFFactories.getFactory(OFVersion.OF_13);
    private static final int MAX_REMEMBERED_ERRORS = 4096;

    private final Channel channel;
    private final long requestTimeoutMillis;
    private final AtomicLong xids = new AtomicLong(1);
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Long, OFErrorMsg> unansweredErrors = new LinkedHashMap<>();
    private final Map<Long, OFPortDesc> ports = new ConcurrentHashMap<>();
    private volatile DatapathId dpid;
    private volatile String name;
    private volatile short tableCount;
    private volatile boolean closed;

    /** A request waiting for its reply (all parts of it). */
    private static final class Pending {
        final CompletableFuture<List<OFMessage>> future = new CompletableFuture<>();
        final List<OFMessage> parts = new ArrayList<>(1);
        ScheduledFuture<?> timeout;
    }

    /**
     * @param channel the connection
     * @param requestTimeoutMillis how long a request waits for its reply before its future fails
     */
    public SwitchConnection(Channel channel, long requestTimeoutMillis) {
        this.channel = channel;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    /** @return the OpenFlow 1.3 factory every message to this switch is built with */
    public OFFactory factory() {
        return FACTORY;
    }

    /** @return a fresh transaction id (32-bit, never 0) */
    public long nextXid() {
        long x = xids.getAndIncrement() & 0xFFFF_FFFFL;
        return x == 0 ? nextXid() : x;
    }

    /** @return the switch's datapath id, or null before the features reply */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the switch's name (its LOCAL port's name, the bridge name on Open vSwitch), or its dpid as text */
    public String name() {
        String n = name;
        return n != null ? n : dpid != null ? dpid.toString() : String.valueOf(channel.remoteAddress());
    }

    /** @return the number of flow tables the switch reported */
    public int tableCount() {
        return tableCount & 0xFF;
    }

    /** @return the peer's address */
    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    /** @return true until the connection closes */
    public boolean isConnected() {
        return !closed && channel.isActive();
    }

    void identify(DatapathId id, short tables) {
        this.dpid = id;
        this.tableCount = tables;
    }

    /** Replaces the port table with a port-description reply; the LOCAL port's name names the switch. */
    void setPorts(Collection<OFPortDesc> descs) {
        ports.clear();
        for (OFPortDesc d : descs) {
            updatePort(d);
        }
    }

    /** Records a port description (from a port-status message or a reply). */
    public void updatePort(OFPortDesc desc) {
        if (desc.getPortNo().equals(OFPort.LOCAL)) {
            name = desc.getName();
        }
        ports.put(portNumber(desc.getPortNo()), desc);
    }

    /** Forgets a port that the switch deleted. */
    public void removePort(OFPort port) {
        ports.remove(portNumber(port));
    }

    /** @return the description of a port, or null if the switch did not describe it */
    public OFPortDesc port(long portNumber) {
        return ports.get(portNumber);
    }

    /** @return the physical ports (LOCAL and reserved ports excluded), ordered by number */
    public List<OFPortDesc> physicalPorts() {
        return ports.values().stream()
                .filter(d -> isPhysical(d.getPortNo()))
                .sorted((a, b) -> Long.compare(portNumber(a.getPortNo()), portNumber(b.getPortNo())))
                .collect(Collectors.toList());
    }

    /** @return the port number as an unsigned 32-bit value */
    public static long portNumber(OFPort port) {
        return port.getPortNumber() & 0xFFFF_FFFFL;
    }

    /** @return true for the physical port range 1..0xffffff00 */
    public static boolean isPhysical(OFPort port) {
        long n = portNumber(port);
        return n >= 1 && n <= 0xFFFF_FF00L;
    }

    /** Writes and flushes one message; its xid is the caller's choice. */
    public void send(OFMessage msg) {
        channel.writeAndFlush(msg, channel.voidPromise());
    }

    /** Writes several messages and flushes once. */
    public void sendAll(List<? extends OFMessage> msgs) {
        if (msgs.isEmpty()) {
            return;
        }
        // On the event loop write at once, else as one task: either way in order with send() and request().
        Runnable writeAll = () -> {
            for (OFMessage m : msgs) {
                channel.write(m, channel.voidPromise());
            }
            channel.flush();
        };
        if (channel.eventLoop().inEventLoop()) {
            writeAll.run();
        } else {
            channel.eventLoop().execute(writeAll);
        }
    }

    /**
     * Sends a request and returns its reply: one message, or all parts of a multipart reply in order.
     *
     * @return a future failing with {@link OpenFlowErrorException} if the switch answers with an error,
     *     {@link SwitchUnavailableException} if the connection closes, or {@link java.util.concurrent.TimeoutException}
     *     after the request timeout
     */
    public CompletableFuture<List<OFMessage>> request(OFMessage msg) {
        Pending p = new Pending();
        long xid = msg.getXid();
        if (closed) {
            p.future.completeExceptionally(new SwitchUnavailableException(dpid, "connection closed"));
            return p.future;
        }
        pending.put(xid, p);
        p.timeout = channel.eventLoop().schedule(() -> {
            if (pending.remove(xid, p)) {
                p.future.completeExceptionally(new java.util.concurrent.TimeoutException(
                        "no reply from " + name() + " to " + msg.getType() + " xid " + xid + " within "
                                + requestTimeoutMillis + " ms"));
            }
        }, requestTimeoutMillis, TimeUnit.MILLISECONDS);
        send(msg);
        return p.future;
    }

    /** Sends a statistics request and returns the entries' reply messages, all parts in order. */
    @SuppressWarnings("unchecked")
    public <R extends OFStatsReply> CompletableFuture<List<R>> stats(OFStatsRequest<R> req) {
        return request(req).thenApply(parts -> (List<R>) (List<?>) parts);
    }

    /** @return a future completed when the switch has processed every message sent before */
    public CompletableFuture<Void> barrier() {
        return request(FACTORY.buildBarrierRequest().setXid(nextXid()).build()).thenApply(r -> null);
    }

    /**
     * Sends a barrier and, once it is answered, checks that none of {@code xids} (fire-and-forget messages sent
     * before it, such as flow mods) drew an error.
     *
     * @return a future failing with {@link OpenFlowErrorException} listing the errors, if any
     */
    public CompletableFuture<Void> barrier(Collection<Long> xids) {
        return barrier().thenApply(v -> {
            List<OFErrorMsg> errors = takeErrors(xids);
            if (!errors.isEmpty()) {
                throw new OpenFlowErrorException(name(), errors);
            }
            return null;
        });
    }

    private List<OFErrorMsg> takeErrors(Collection<Long> xids) {
        List<OFErrorMsg> found = new ArrayList<>(0);
        synchronized (unansweredErrors) {
            if (unansweredErrors.isEmpty()) {
                return found;
            }
            for (Long x : xids) {
                OFErrorMsg e = unansweredErrors.remove(x);
                if (e != null) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    /**
     * Routes a message that may answer a request. Called on the event loop.
     *
     * @return true if it answered (or partly answered) a pending request or was an error kept for a barrier
     */
    boolean onReply(OFMessage msg) {
        Pending p = pending.get(msg.getXid());
        if (p == null) {
            if (msg instanceof OFErrorMsg) {
                synchronized (unansweredErrors) {
                    unansweredErrors.put(msg.getXid(), (OFErrorMsg) msg);
                    if (unansweredErrors.size() > MAX_REMEMBERED_ERRORS) {
                        Long oldest = unansweredErrors.keySet().iterator().next();
                        unansweredErrors.remove(oldest);
                    }
                }
                return true;
            }
            return false;
        }
        if (msg instanceof OFErrorMsg) {
            finish(msg.getXid(), p).completeExceptionally(
                    new OpenFlowErrorException(name(), List.of((OFErrorMsg) msg)));
            return true;
        }
        p.parts.add(msg);
        if (msg instanceof OFStatsReply && ((OFStatsReply) msg).getFlags().contains(OFStatsReplyFlags.REPLY_MORE)) {
            return true;
        }
        finish(msg.getXid(), p).complete(p.parts);
        return true;
    }

    private CompletableFuture<List<OFMessage>> finish(long xid, Pending p) {
        pending.remove(xid, p);
        if (p.timeout != null) {
            p.timeout.cancel(false);
        }
        return p.future;
    }

    /** Fails every pending request and refuses new ones; closes the channel. */
    void close(String why) {
        closed = true;
        for (Map.Entry<Long, Pending> e : pending.entrySet()) {
            if (pending.remove(e.getKey(), e.getValue())) {
                finish(e.getKey(), e.getValue()).completeExceptionally(new SwitchUnavailableException(dpid, why));
            }
        }
        channel.close();
    }

    /** Closes the connection from outside (for instance when the same switch connected again). */
    public void disconnect(String why) {
        close(why);
    }

    @Override
    public String toString() {
        return name() + (dpid == null ? "" : "(" + dpid + ")");
    }
}
