package org.ebbflow.openflow.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.openflow.channel.SwitchListener;
import org.ebbflow.openflow.channel.SwitchRegistry;
import org.ebbflow.openflow.packet.LldpProbe;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEventSink;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLDP link discovery: probes every port of a switch when it connects, a port when it comes up, and every port of
 * every switch on each {@link #probeAll()} round; a probe arriving at another switch's port reports the directed
 * link. Links that stop being confirmed expire in the topology manager. Ports where a probe arrived or from which
 * one was received are infrastructure ports: hosts are never learned there.
 */
public final class LinkDiscovery implements SwitchListener {
    private static final Logger log = LoggerFactory.getLogger(LinkDiscovery.class);

    private final SwitchRegistry registry;
    private final DiscoveryEventSink sink;
    private final long controllerId;
    private final long linkBps;
    private final LongSupplier clock;
    private final Set<ConnectPoint> infrastructure = ConcurrentHashMap.newKeySet();
    private final java.util.Map<org.ebbflow.topology.DatapathId, Long> activatedAt = new ConcurrentHashMap<>();
    private final AtomicLong probesSent = new AtomicLong();
    private final AtomicLong probesReceived = new AtomicLong();

    /**
     * @param controllerId this controller's id, carried in its probes
     * @param linkBps the capacity to report for discovered links in bits per second, 0 for the ports' speeds
     * @param clock the discovery clock in milliseconds
     */
    public LinkDiscovery(SwitchRegistry registry, DiscoveryEventSink sink, long controllerId, long linkBps,
                         LongSupplier clock) {
        this.registry = registry;
        this.sink = sink;
        this.controllerId = controllerId;
        this.linkBps = linkBps;
        this.clock = clock;
    }

    @Override
    public void switchActivated(SwitchConnection sw) {
        activatedAt.put(sw.dpid(), clock.getAsLong());
        probeSwitch(sw);
    }

    /**
     * @param settleMillis how long probes need to come back, so that all infrastructure ports are known
     * @return true if the switch connected at least that long ago
     */
    public boolean isSettled(org.ebbflow.topology.DatapathId dpid, long settleMillis) {
        Long at = activatedAt.get(dpid);
        return at != null && clock.getAsLong() - at >= settleMillis;
    }

    @Override
    public void portStatus(SwitchConnection sw, OFPortStatus status) {
        if (status.getReason() != OFPortReason.DELETE && isUp(status.getDesc())) {
            probe(sw, List.of(status.getDesc()));
        }
    }

    /** Sends one probe out of every up port of every connected switch. */
    public void probeAll() {
        for (SwitchConnection sw : registry.connections()) {
            probeSwitch(sw);
        }
    }

    /** Probes every up port of one switch now, if it is connected. */
    public void probeSwitch(org.ebbflow.topology.DatapathId dpid) {
        SwitchConnection sw = registry.get(dpid);
        if (sw != null) {
            probeSwitch(sw);
        }
    }

    private void probeSwitch(SwitchConnection sw) {
        List<OFPortDesc> up = new ArrayList<>();
        for (OFPortDesc d : sw.physicalPorts()) {
            if (isUp(d)) {
                up.add(d);
            }
        }
        probe(sw, up);
    }

    private void probe(SwitchConnection sw, List<OFPortDesc> ports) {
        if (!sw.isConnected() || ports.isEmpty()) {
            return;
        }
        List<OFMessage> outs = new ArrayList<>(ports.size());
        for (OFPortDesc d : ports) {
            long port = SwitchConnection.portNumber(d.getPortNo());
            byte[] frame = LldpProbe.build(ConnectPoint.of(sw.dpid(), port),
                    MacAddress.of(d.getHwAddr().getLong()), controllerId);
            outs.add(PacketOuts.of(sw, port, frame));
        }
        sw.sendAll(outs);
        probesSent.addAndGet(outs.size());
    }

    private static boolean isUp(OFPortDesc d) {
        return SwitchConnection.isPhysical(d.getPortNo()) && !d.getConfig().contains(OFPortConfig.PORT_DOWN)
                && !d.getState().contains(OFPortState.LINK_DOWN);
    }

    /** Handles a probe that arrived at {@code inPort} of {@code sw}. */
    public void onProbe(SwitchConnection sw, long inPort, LldpProbe probe) {
        if (probe.controllerId() != controllerId) {
            log.debug("LLDP probe of another controller ({}) ignored at {}/{}", probe.controllerId(), sw, inPort);
            return;
        }
        ConnectPoint dst = ConnectPoint.of(sw.dpid(), inPort);
        if (dst.equals(probe.origin())) {
            return;
        }
        probesReceived.incrementAndGet();
        infrastructure.add(dst);
        infrastructure.add(probe.origin());
        sink.accept(DiscoveryEvent.linkDiscovered(LinkKey.of(probe.origin(), dst), linkBps, clock.getAsLong()));
    }

    /** @return true if a probe was ever seen at or from this port: a switch-to-switch port */
    public boolean isInfrastructure(ConnectPoint cp) {
        return infrastructure.contains(cp);
    }

    /** @return probes sent so far */
    public long probesSent() {
        return probesSent.get();
    }

    /** @return probes received (of this controller, across a link) so far */
    public long probesReceived() {
        return probesReceived.get();
    }
}
