package org.ebbflow.openflow.stats;

import java.util.ArrayList;
import java.util.List;
import org.ebbflow.flowstats.PortCounterSample;
import org.ebbflow.flowstats.flows.FlowEntry;
import org.ebbflow.openflow.actuation.OFConversions;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFPortStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortStatsReply;

/** Turns OpenFlow statistics replies into flow-stats samples and entries. */
public final class StatsConversions {
    private StatsConversions() {
    }

    /** @return one sample per physical port in the reply parts (LOCAL and reserved ports left out) */
    public static List<PortCounterSample> portSamples(DatapathId dpid, List<OFPortStatsReply> parts,
                                                      long receivedMillis) {
        List<PortCounterSample> out = new ArrayList<>();
        for (OFPortStatsReply part : parts) {
            for (OFPortStatsEntry e : part.getEntries()) {
                if (!SwitchConnection.isPhysical(e.getPortNo())) {
                    continue;
                }
                out.add(PortCounterSample.builder(ConnectPoint.of(dpid, SwitchConnection.portNumber(e.getPortNo())),
                                receivedMillis)
                        .bytes(e.getRxBytes().getValue(), e.getTxBytes().getValue())
                        .packets(e.getRxPackets().getValue(), e.getTxPackets().getValue())
                        .dropped(e.getRxDropped().getValue(), e.getTxDropped().getValue())
                        .errors(e.getRxErrors().getValue(), e.getTxErrors().getValue())
                        .durationNanos(e.getDurationSec() * 1_000_000_000L + e.getDurationNsec())
                        .build());
            }
        }
        return out;
    }

    /** @return the flow entries of all reply parts, in order */
    public static List<FlowEntry> flowEntries(DatapathId dpid, List<OFFlowStatsReply> parts) {
        List<FlowEntry> out = new ArrayList<>();
        for (OFFlowStatsReply part : parts) {
            for (OFFlowStatsEntry e : part.getEntries()) {
                out.add(OFConversions.flowEntry(dpid, e));
            }
        }
        return out;
    }
}
