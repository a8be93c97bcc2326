package org.ebbflow.openflow.actuation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.flowstats.flows.FlowEntry;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.topology.DatapathId;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowModFlags;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.ICMPv4Type;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.Masked;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFValueType;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.TransportPort;
import org.projectfloodlight.openflow.types.U64;

/** Converts between ebbflow's flow types ({@link FlowRule}, {@link FlowMatch}, {@link FlowEntry}) and openflowj's. */
public final class OFConversions {
    /** The largest packet part sent to the controller: whole packets. */
    public static final int MAX_LEN = 0xFFFF;

    private OFConversions() {
    }

    /** @return the FlowAdd installing a rule (permanent, no buffer, SEND_FLOW_REM off) */
    public static OFFlowAdd flowAdd(OFFactory f, FlowRule rule, long xid) {
        return f.buildFlowAdd()
                .setXid(xid)
                .setCookie(U64.of(rule.cookie().value()))
                .setPriority(rule.priority())
                .setTableId(TableId.of(FlowRule.TABLE))
                .setIdleTimeout(0)
                .setHardTimeout(0)
                .setBufferId(OFBufferId.NO_BUFFER)
                .setFlags(EnumSet.noneOf(OFFlowModFlags.class))
                .setMatch(match(f, rule.match()))
                .setInstructions(rule.actions().isEmpty() ? List.of()
                        : List.of(f.instructions().applyActions(actions(f, rule.actions()))))
                .build();
    }

    /** @return the FlowDelete removing every flow whose cookie the filter selects, in all tables */
    public static OFFlowDelete flowDelete(OFFactory f, CookieFilter filter, long xid) {
        return f.buildFlowDelete()
                .setXid(xid)
                .setCookie(U64.of(filter.cookie()))
                .setCookieMask(U64.of(filter.mask()))
                .setTableId(TableId.ALL)
                .setOutPort(OFPort.ANY)
                .setOutGroup(OFGroup.ANY)
                .setBufferId(OFBufferId.NO_BUFFER)
                .build();
    }

    private static List<OFAction> actions(OFFactory f, List<FlowAction> actions) {
        List<OFAction> out = new ArrayList<>(actions.size());
        for (FlowAction a : actions) {
            OFPort port = a.isController() ? OFPort.CONTROLLER : OFPort.of((int) a.port());
            out.add(f.actions().output(port, MAX_LEN));
        }
        return out;
    }

    /**
     * @return the openflowj match of a flow match
     * @throws IllegalArgumentException if the match uses a field this converter does not support
     */
    public static Match match(OFFactory f, FlowMatch m) {
        Match.Builder b = f.buildMatch();
        for (Map.Entry<org.ebbflow.flowstats.flows.MatchField, String> e : m.fields().entrySet()) {
            String text = e.getValue();
            int slash = text.indexOf('/');
            String v = slash < 0 ? text : text.substring(0, slash);
            String mask = slash < 0 ? null : text.substring(slash + 1);
            switch (e.getKey()) {
                case IN_PORT:
                    b.setExact(MatchField.IN_PORT, OFPort.of((int) Long.parseLong(v)));
                    break;
                case ETH_TYPE:
                    b.setExact(MatchField.ETH_TYPE, EthType.of(Integer.decode(v)));
                    break;
                case ETH_SRC:
                    set(b, MatchField.ETH_SRC, MacAddress.of(v), mask == null ? null : MacAddress.of(mask));
                    break;
                case ETH_DST:
                    set(b, MatchField.ETH_DST, MacAddress.of(v), mask == null ? null : MacAddress.of(mask));
                    break;
                case IP_PROTO:
                    b.setExact(MatchField.IP_PROTO, IpProtocol.of(Short.parseShort(v)));
                    break;
                case IPV4_SRC:
                    set(b, MatchField.IPV4_SRC, IPv4Address.of(v), mask == null ? null : IPv4Address.of(mask));
                    break;
                case IPV4_DST:
                    set(b, MatchField.IPV4_DST, IPv4Address.of(v), mask == null ? null : IPv4Address.of(mask));
                    break;
                case ARP_OP:
                    b.setExact(MatchField.ARP_OP, ArpOpcode.of(Integer.parseInt(v)));
                    break;
                case ARP_SPA:
                    set(b, MatchField.ARP_SPA, IPv4Address.of(v), mask == null ? null : IPv4Address.of(mask));
                    break;
                case ARP_TPA:
                    set(b, MatchField.ARP_TPA, IPv4Address.of(v), mask == null ? null : IPv4Address.of(mask));
                    break;
                case TCP_SRC:
                    b.setExact(MatchField.TCP_SRC, TransportPort.of(Integer.parseInt(v)));
                    break;
                case TCP_DST:
                    b.setExact(MatchField.TCP_DST, TransportPort.of(Integer.parseInt(v)));
                    break;
                case UDP_SRC:
                    b.setExact(MatchField.UDP_SRC, TransportPort.of(Integer.parseInt(v)));
                    break;
                case UDP_DST:
                    b.setExact(MatchField.UDP_DST, TransportPort.of(Integer.parseInt(v)));
                    break;
                case ICMPV4_TYPE:
                    b.setExact(MatchField.ICMPV4_TYPE, ICMPv4Type.of(Short.parseShort(v)));
                    break;
                default:
                    throw new IllegalArgumentException("match field " + e.getKey() + " is not supported by the "
                            + "OpenFlow actuator");
            }
        }
        return b.build();
    }

    private static <F extends OFValueType<F>> void set(Match.Builder b, MatchField<F> field, F value, F mask) {
        if (mask == null) {
            b.setExact(field, value);
        } else {
            b.setMasked(field, value, mask);
        }
    }

    /**
     * @return the ebbflow flow match of an openflowj match; fields flow-stats does not model are left out
     */
    public static FlowMatch flowMatch(Match m) {
        FlowMatch.Builder b = FlowMatch.builder();
        for (MatchField<?> field : m.getMatchFields()) {
            org.ebbflow.flowstats.flows.MatchField ours = org.ebbflow.flowstats.flows.MatchField.forName(
                    field.getName());
            if (ours == null) {
                continue;
            }
            try {
                b.set(ours, valueText(m, field));
            } catch (IllegalArgumentException e) {
                // A value flow-stats cannot represent: leave the field out rather than lose the entry.
                continue;
            }
        }
        return b.build();
    }

    private static <F extends OFValueType<F>> String valueText(Match m, MatchField<F> field) {
        if (field.equals(MatchField.IN_PORT)) {
            return Long.toString(m.get(MatchField.IN_PORT).getPortNumber() & 0xFFFF_FFFFL);
        }
        if (field.equals(MatchField.ETH_TYPE)) {
            return Integer.toString(m.get(MatchField.ETH_TYPE).getValue());
        }
        if (m.isPartiallyMasked(field)) {
            Masked<F> masked = m.getMasked(field);
            return masked.getValue() + "/" + masked.getMask();
        }
        return String.valueOf(m.get(field));
    }

    /** @return the flow-stats entry of one flow-stats reply entry */
    public static FlowEntry flowEntry(DatapathId dpid, OFFlowStatsEntry e) {
        List<String> actions = new ArrayList<>();
        for (OFInstruction i : e.getInstructions()) {
            if (i instanceof OFInstructionApplyActions) {
                for (OFAction a : ((OFInstructionApplyActions) i).getActions()) {
                    actions.add(actionText(a));
                }
            } else {
                actions.add(i.getType().toString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return FlowEntry.builder(dpid)
                .tableId(e.getTableId().getValue())
                .priority(e.getPriority())
                .cookie(e.getCookie().getValue())
                .match(flowMatch(e.getMatch()))
                .actions(actions)
                .counters(e.getPacketCount().getValue(), e.getByteCount().getValue())
                .durationNanos(e.getDurationSec() * 1_000_000_000L + e.getDurationNsec())
                .timeouts(e.getIdleTimeout(), e.getHardTimeout())
                .build();
    }

    private static String actionText(OFAction a) {
        if (a instanceof OFActionOutput) {
            OFPort p = ((OFActionOutput) a).getPort();
            return p.equals(OFPort.CONTROLLER) ? "output:CONTROLLER" : "output:" + (p.getPortNumber() & 0xFFFF_FFFFL);
        }
        return a.getType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
