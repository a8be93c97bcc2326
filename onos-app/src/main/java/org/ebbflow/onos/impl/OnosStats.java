package org.ebbflow.onos.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.ebbflow.flowstats.PortCounterSample;
import org.ebbflow.topology.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.PortStatistics;

/**
 * ONOS port statistics to ebbflow counter samples. ebbflow takes ONOS's cumulative counters, not its delta
 * statistics: ONOS's deltas have no counter-reset handling (a reset gives a negative delta) and
 * {@code PortStatisticsService} keeps only whole seconds of controller time; flow-stats does both properly and uses the
 * switch's own port duration.
 */
final class OnosStats {
    private OnosStats() {
    }

    /**
     * @param device the device the statistics are from
     * @param stats its cumulative port statistics
     * @param receivedMillis when they arrived, epoch milliseconds
     * @return one sample per physical port of an OpenFlow device (LOCAL and other logical ports dropped)
     */
    static List<PortCounterSample> samples(DeviceId device, Collection<PortStatistics> stats, long receivedMillis) {
        List<PortCounterSample> out = new ArrayList<>(stats.size());
        for (PortStatistics s : stats) {
            if (s == null || s.portNumber() == null) {
                continue;
            }
            ConnectPoint cp = OnosNames.connectPoint(new org.onosproject.net.ConnectPoint(device, s.portNumber()));
            if (cp == null) {
                continue;
            }
            PortCounterSample.Builder b = PortCounterSample.builder(cp, receivedMillis)
                    .bytes(s.bytesReceived(), s.bytesSent())
                    .packets(s.packetsReceived(), s.packetsSent())
                    .dropped(s.packetsRxDropped(), s.packetsTxDropped())
                    .errors(s.packetsRxErrors(), s.packetsTxErrors());
            long nanos = s.durationSec() * 1_000_000_000L + s.durationNano();
            if (s.durationSec() > 0 || s.durationNano() > 0) {
                b.durationNanos(nanos);
            }
            out.add(b.build());
        }
        return out;
    }
}
