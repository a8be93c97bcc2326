package org.ebbflow.openflow.actuation;

import java.util.List;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.flowstats.flows.RuleKind;
import org.ebbflow.openflow.packet.EthernetFrame;
import org.ebbflow.topology.DatapathId;

/**
 * The rules every switch gets when it connects: LLDP and ARP to the controller (ARP is answered there, never
 * flooded), IPv6 dropped (neighbour-discovery noise), and a table-miss entry sending everything else to the
 * controller. Path rules sit between ARP and the table miss.
 */
public final class ControlRules {
    /** Priority of the LLDP rule. */
    public static final int LLDP_PRIORITY = 65000;
    /** Priority of the IPv6 drop rule. */
    public static final int IPV6_PRIORITY = 64000;
    /** Priority of the ARP rule. */
    public static final int ARP_PRIORITY = 63000;
    /** Priority of destination rules of the proactive router. */
    public static final int ROUTE_PRIORITY = 30000;
    /** Priority of the table-miss rule. */
    public static final int TABLE_MISS_PRIORITY = 0;

    private ControlRules() {
    }

    /** @return the control rules of one switch */
    public static List<FlowRule> forSwitch(DatapathId dpid) {
        List<FlowAction> toController = List.of(FlowAction.toController());
        return List.of(
                FlowRule.of(dpid, LLDP_PRIORITY, FlowMatch.builder().ethType(EthernetFrame.TYPE_LLDP).build(),
                        toController, EbbflowCookie.control(RuleKind.LLDP)),
                FlowRule.of(dpid, IPV6_PRIORITY, FlowMatch.builder().ethType(EthernetFrame.TYPE_IPV6).build(),
                        List.of(), EbbflowCookie.control(RuleKind.FILTER)),
                FlowRule.of(dpid, ARP_PRIORITY, FlowMatch.builder().ethType(EthernetFrame.TYPE_ARP).build(),
                        toController, EbbflowCookie.control(RuleKind.ARP)),
                FlowRule.of(dpid, TABLE_MISS_PRIORITY, FlowMatch.any(), toController,
                        EbbflowCookie.control(RuleKind.TABLE_MISS)));
    }
}
