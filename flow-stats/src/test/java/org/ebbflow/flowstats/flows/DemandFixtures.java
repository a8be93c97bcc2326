package org.ebbflow.flowstats.flows;

import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;

/** Flows and rates for demand tests on generated topologies. */
final class DemandFixtures {
    static final TopologySnapshot K4 = FatTree.build(4);
    static final long PATH_COOKIE = EbbflowCookie.path(1, 0).value();
    static final long FOREIGN_COOKIE = 0x00C0_FFEEL;

    private DemandFixtures() {
    }

    /** @return the k=4 fat-tree's number of host h (1-based) on edge e (1-based) of pod p (0-based) */
    static int host(int pod, int edge, int h) {
        return K4.hostIndex(FatTree.hostMac(pod, edge, h));
    }

    /** @return the access switch of a host */
    static DatapathId edgeOf(TopologySnapshot t, int host) {
        return t.host(host).attachment().dpid();
    }

    /** @return the access port number of a host */
    static long portOf(TopologySnapshot t, int host) {
        return t.host(host).attachment().portNumber();
    }

    /** @return a flow on {@code sw} matching src → dst by MAC addresses */
    static FlowEntry macPair(TopologySnapshot t, DatapathId sw, int src, int dst, long cookie) {
        return FlowEntry.builder(sw).priority(300).cookie(cookie)
                .match(FlowMatch.builder().ethSrc(t.host(src).mac()).ethDst(t.host(dst).mac()).build())
                .actions("output:1").build();
    }

    /** @return a flow on {@code sw} matching src → dst by IPv4 addresses */
    static FlowEntry ipPair(TopologySnapshot t, DatapathId sw, int src, int dst, long cookie) {
        HostEndpoint s = t.host(src);
        HostEndpoint d = t.host(dst);
        return FlowEntry.builder(sw).priority(300).cookie(cookie)
                .match(FlowMatch.builder().ethType(0x0800).ipv4Src(s.ips().get(0)).ipv4Dst(d.ips().get(0)).build())
                .actions("output:1").build();
    }

    /** @return a destination-based flow on {@code sw} towards dst's IPv4 address, optionally pinned to an in_port */
    static FlowEntry toHost(TopologySnapshot t, DatapathId sw, int dst, Long inPort, long cookie) {
        FlowMatch.Builder m = FlowMatch.builder().ethType(0x0800).ipv4Dst(t.host(dst).ips().get(0));
        if (inPort != null) {
            m.inPort(inPort);
        }
        return FlowEntry.builder(sw).priority(inPort == null ? 100 : 200).cookie(cookie).match(m.build())
                .actions("output:3").build();
    }

    /** @return a flow with an explicit match on {@code sw} */
    static FlowEntry flow(DatapathId sw, String match, long cookie) {
        return FlowEntry.builder(sw).priority(150).cookie(cookie).match(FlowMatch.parse(match)).build();
    }

    /** @return the rate of a flow over one second */
    static FlowRate rate(FlowEntry e, double bps) {
        return FlowRate.builder(e).rates(bps, bps / 8_000).interval(0, 1_000, 1_000).build();
    }
}
