package org.ebbflow.onos.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ebbflow.flowstats.flows.FlowEntry;
import org.ebbflow.flowstats.flows.FlowKey;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.flowstats.flows.FlowRateTracker;
import org.ebbflow.flowstats.flows.FlowRates;
import org.ebbflow.flowstats.flows.FlowTableSnapshot;
import org.ebbflow.flowstats.flows.MatchField;
import org.ebbflow.flowstats.flows.PortRateLookup;
import org.ebbflow.flowstats.flows.SnapshotOutcome;
import org.ebbflow.flowstats.flows.TrafficMatrix;
import org.ebbflow.flowstats.flows.TrafficMatrixEstimator;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.TopologySnapshot;
import org.onlab.packet.IpPrefix;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.EthCriterion;
import org.onosproject.net.flow.criteria.EthTypeCriterion;
import org.onosproject.net.flow.criteria.IPCriterion;
import org.onosproject.net.flow.criteria.IPProtocolCriterion;
import org.onosproject.net.flow.criteria.PortCriterion;
import org.onosproject.net.flow.criteria.TcpPortCriterion;
import org.onosproject.net.flow.criteria.UdpPortCriterion;
import org.onosproject.net.flow.criteria.VlanIdCriterion;

/**
 * The host-to-host traffic ONOS's flow tables show: each cycle it reads every switch's flow entries (all
 * applications' rules, ebbflow's included; reading touches nothing), differences their byte counters with
 * flow-stats' {@link FlowRateTracker}, and attributes the rates to host pairs with the
 * {@link TrafficMatrixEstimator}, which counts each flow once, on the access switch where it enters the network.
 *
 * <p>The interval of a rate is the controller's time between two readings ({@link FlowEntry#NO_DURATION}): ONOS
 * refreshes the counters every {@code flowPollFrequency} (5 s by default), so a planning period well above it keeps
 * the error small; a reading whose counters did not move at all is dropped as a duplicate and the switch's previous
 * rates stand. Selector fields flow-stats cannot represent (MPLS, IPv6 flow labels, masked MACs, ...) are left out of
 * the match; entries that then coincide are summed, which keeps the total they count. Not thread-safe: the ebbflow
 * thread only.
 */
final class ObservedDemands {
    /** Rates of a switch whose counters have not moved for this long are dropped (the traffic stopped). */
    static final long STALE_MILLIS = 30_000;

    private final FlowRateTracker tracker = new FlowRateTracker();
    private final Map<DatapathId, FlowRates> latest = new HashMap<>();
    private long firstReadingMillis = Long.MIN_VALUE;
    private boolean warm;

    /**
     * Reads one switch's flow table.
     *
     * @param device the switch
     * @param entries its flow entries as ONOS reports them
     * @param nowMillis the time of reading, controller clock
     */
    void ingest(DeviceId device, Iterable<org.onosproject.net.flow.FlowEntry> entries, long nowMillis) {
        DatapathId dpid = OnosNames.dpid(device);
        Map<FlowKey, FlowEntry> byKey = new LinkedHashMap<>();
        for (org.onosproject.net.flow.FlowEntry e : entries) {
            if (e.state() != org.onosproject.net.flow.FlowEntry.FlowEntryState.ADDED) {
                continue;
            }
            FlowEntry f = convert(dpid, e);
            FlowEntry same = byKey.get(f.key());
            if (same != null) {
                f = same.withCounters(same.packetCount() + f.packetCount(), same.byteCount() + f.byteCount(),
                        FlowEntry.NO_DURATION);
            }
            byKey.put(f.key(), f);
        }
        FlowRates r = tracker.ingest(FlowTableSnapshot.of(dpid, nowMillis, byKey.values()));
        if (r.outcome() == SnapshotOutcome.ACCEPTED) {
            latest.put(dpid, r);
        }
    }

    /**
     * @return true once the flow tables were read at two different times: before that no flow has a rate, and a
     *     plan would treat every flow as absent
     */
    boolean warm() {
        return warm;
    }

    /** Notes a reading of the flow tables (of all switches, possibly none) at this time. */
    void reading(long nowMillis) {
        if (firstReadingMillis == Long.MIN_VALUE) {
            firstReadingMillis = nowMillis;
        } else if (nowMillis > firstReadingMillis) {
            warm = true;
        }
    }

    /** Forgets the switches not in the snapshot (removed from ONOS). */
    void retain(TopologySnapshot t) {
        latest.keySet().removeIf(d -> t.switchIndex(d) < 0);
    }

    /**
     * @param t the topology whose hosts the flows are attributed to
     * @param nowMillis now; a switch's rates older than {@link #STALE_MILLIS} (its counters stopped moving) count
     *     as no traffic
     * @return the traffic matrix of the latest rates over the snapshot's hosts
     */
    TrafficMatrix estimate(TopologySnapshot t, long nowMillis) {
        Collection<FlowRates> rates = new ArrayList<>();
        for (FlowRates r : latest.values()) {
            if (t.switchIndex(r.dpid()) >= 0 && r.receivedMillis() >= nowMillis - STALE_MILLIS) {
                rates.add(r);
            }
        }
        return new TrafficMatrixEstimator(t).estimateFrom(rates, PortRateLookup.none());
    }

    /** @return the flow-stats entry for an ONOS flow entry: match, priority, table, id as cookie, counters */
    static FlowEntry convert(DatapathId dpid, org.onosproject.net.flow.FlowEntry e) {
        return FlowEntry.builder(dpid)
                .tableId(Math.max(0, Math.min(FlowEntry.MAX_TABLE_ID, e.tableId())))
                .priority(Math.max(0, Math.min(0xFFFF, e.priority())))
                .cookie(e.id().value())
                .match(match(e.selector()))
                .counters(e.packets(), e.bytes())
                .durationNanos(FlowEntry.NO_DURATION)
                .build();
    }

    /** @return the selector as a flow-stats match, with the fields it can represent */
    static FlowMatch match(TrafficSelector selector) {
        FlowMatch.Builder b = FlowMatch.builder();
        for (Criterion c : selector.criteria()) {
            switch (c.type()) {
                case IN_PORT:
                    b.inPort(((PortCriterion) c).port().toLong());
                    break;
                case ETH_SRC:
                case ETH_DST:
                    EthCriterion eth = (EthCriterion) c;
                    if (eth.mask() == null) {
                        b.set(c.type() == Criterion.Type.ETH_SRC ? MatchField.ETH_SRC : MatchField.ETH_DST,
                                eth.mac().toString());
                    }
                    break;
                case ETH_TYPE:
                    b.ethType(((EthTypeCriterion) c).ethType().toShort() & 0xFFFF);
                    break;
                case VLAN_VID:
                    b.set(MatchField.VLAN_VID, Integer.toString(((VlanIdCriterion) c).vlanId().toShort() & 0x1FFF));
                    break;
                case IP_PROTO:
                    b.ipProto(((IPProtocolCriterion) c).protocol() & 0xFF);
                    break;
                case IPV4_SRC:
                case IPV4_DST:
                    IpPrefix p = ((IPCriterion) c).ip();
                    String text = p.prefixLength() == 32 ? p.address().toString() : p.toString();
                    b.set(c.type() == Criterion.Type.IPV4_SRC ? MatchField.IPV4_SRC : MatchField.IPV4_DST, text);
                    break;
                case TCP_SRC:
                    b.set(MatchField.TCP_SRC, Integer.toString(((TcpPortCriterion) c).tcpPort().toInt()));
                    break;
                case TCP_DST:
                    b.set(MatchField.TCP_DST, Integer.toString(((TcpPortCriterion) c).tcpPort().toInt()));
                    break;
                case UDP_SRC:
                    b.set(MatchField.UDP_SRC, Integer.toString(((UdpPortCriterion) c).udpPort().toInt()));
                    break;
                case UDP_DST:
                    b.set(MatchField.UDP_DST, Integer.toString(((UdpPortCriterion) c).udpPort().toInt()));
                    break;
                default:
                    break;
            }
        }
        return b.build();
    }
}
