package org.ebbflow.openflow.discovery;

import java.util.function.LongSupplier;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.openflow.channel.SwitchListener;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEventSink;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports switch connections and port-status messages as discovery events. */
public final class SwitchEventReporter implements SwitchListener {
    private static final Logger log = LoggerFactory.getLogger(SwitchEventReporter.class);

    private final DiscoveryEventSink sink;
    private final long portSpeedBps;
    private final LongSupplier clock;

    /**
     * @param portSpeedBps the speed to report for every port in bits per second, 0 to take the switch's
     * @param clock the discovery clock in milliseconds
     */
    public SwitchEventReporter(DiscoveryEventSink sink, long portSpeedBps, LongSupplier clock) {
        this.sink = sink;
        this.portSpeedBps = portSpeedBps;
        this.clock = clock;
    }

    @Override
    public void switchActivated(SwitchConnection sw) {
        sink.accept(DiscoveryEvent.switchConnected(PortDescriptions.switchInfo(sw),
                PortDescriptions.ports(sw, portSpeedBps), clock.getAsLong()));
    }

    @Override
    public void switchDeactivated(SwitchConnection sw) {
        sink.accept(DiscoveryEvent.switchDisconnected(sw.dpid(), clock.getAsLong()));
    }

    @Override
    public void portStatus(SwitchConnection sw, OFPortStatus status) {
        if (!SwitchConnection.isPhysical(status.getDesc().getPortNo())) {
            return;
        }
        long now = clock.getAsLong();
        switch (status.getReason()) {
            case ADD:
                sink.accept(DiscoveryEvent.portAdded(PortDescriptions.portInfo(sw.dpid(), status.getDesc(),
                        portSpeedBps), now));
                break;
            case DELETE:
                sink.accept(DiscoveryEvent.portRemoved(ConnectPoint.of(sw.dpid(),
                        SwitchConnection.portNumber(status.getDesc().getPortNo())), now));
                break;
            default:
                sink.accept(DiscoveryEvent.portChanged(PortDescriptions.portInfo(sw.dpid(), status.getDesc(),
                        portSpeedBps), now));
        }
        log.debug("port status {} {} on {}", status.getReason(), status.getDesc().getName(), sw);
    }
}
