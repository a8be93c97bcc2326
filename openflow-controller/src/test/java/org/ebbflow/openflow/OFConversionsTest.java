package org.ebbflow.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.flowstats.flows.FlowEntry;
import org.ebbflow.flowstats.flows.FlowMatch;
import org.ebbflow.openflow.actuation.FlowAction;
import org.ebbflow.openflow.actuation.FlowRule;
import org.ebbflow.openflow.actuation.OFConversions;
import org.ebbflow.topology.DatapathId;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

class OFConversionsTest {
    private static final OFFactory F = OFFactories.getFactory(OFVersion.OF_13);

    @Test
    void ruleBecomesFlowAddAndComesBackAsTheSameFlowEntry() {
        DatapathId dpid = DatapathId.of(5);
        FlowMatch match = FlowMatch.parse("eth_type=0x0800,ipv4_dst=10.0.0.0/255.255.0.0");
        EbbflowCookie cookie = EbbflowCookie.path(7, 2);
        FlowRule rule = FlowRule.of(dpid, 30000, match, List.of(FlowAction.output(3), FlowAction.toController()),
                cookie);
        OFFlowAdd add = OFConversions.flowAdd(F, rule, 9);
        OFFlowStatsEntry e = F.buildFlowStatsEntry().setTableId(TableId.of(0)).setPriority(add.getPriority())
                .setCookie(add.getCookie()).setMatch(add.getMatch()).setInstructions(add.getInstructions())
                .setPacketCount(U64.of(10)).setByteCount(U64.of(1000)).setDurationSec(2).setDurationNsec(5).build();
        FlowEntry entry = OFConversions.flowEntry(dpid, e);
        assertEquals(match, entry.match());
        assertEquals(cookie.value(), entry.cookie());
        assertEquals(List.of("output:3", "output:CONTROLLER"), entry.actions());
        assertEquals(2_000_000_005L, entry.durationNanos());
        assertEquals(30000, entry.priority());
    }
}
