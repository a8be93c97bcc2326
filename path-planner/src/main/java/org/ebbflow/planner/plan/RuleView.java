package org.ebbflow.planner.plan;

import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.EndpointKind;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The flow rules a routing implies, read without building rule objects: demand d's hop h (0..pathLength) is the
 * rule on the h-th switch of its path, out of the next link's source port, or at the egress out of the destination
 * host's port (LOCAL between switches).
 */
final class RuleView {
    final Routing routing;
    private final TopologySnapshot t;

    RuleView(Routing routing) {
        this.routing = routing;
        this.t = routing.topology();
    }

    int demandCount() {
        return routing.demandCount();
    }

    long demandId(int d) {
        return routing.demands().demand(d).id();
    }

    /** @return the number of rules of demand d: path length + 1, or 0 if refused */
    int ruleCount(int d) {
        int n = routing.pathLength(d);
        return n < 0 ? 0 : n + 1;
    }

    long device(int d, int hop) {
        int n = routing.pathLength(d);
        int s = hop < n ? t.linkSrc(routing.pathLink(d, hop)) : routing.demands().dstSwitch(d);
        return t.switchAt(s).dpid().value();
    }

    long outPort(int d, int hop) {
        int n = routing.pathLength(d);
        if (hop < n) {
            return t.link(routing.pathLink(d, hop)).src().portNumber();
        }
        Demand dem = routing.demands().demand(d);
        return dem.kind() == EndpointKind.HOST ? t.host(dem.destination()).attachment().portNumber()
                : FlowRule.PORT_LOCAL;
    }

    /** @return a hash of demand d's match: class and endpoints (MACs, or switch datapath ids) */
    long matchKey(int d) {
        Demand dem = routing.demands().demand(d);
        long a;
        long b;
        if (dem.kind() == EndpointKind.HOST) {
            a = t.host(dem.source()).mac().value();
            b = t.host(dem.destination()).mac().value();
        } else {
            a = t.switchAt(dem.source()).dpid().value() | 1L << 62;
            b = t.switchAt(dem.destination()).dpid().value() | 1L << 62;
        }
        return (a * 31 + b) * 0x2545F4914F6CDD1DL + dem.demandClass().ordinal();
    }

    boolean hasRule(int d, long device, long outPort) {
        for (int h = 0; h < ruleCount(d); h++) {
            if (device(d, h) == device && outPort(d, h) == outPort) {
                return true;
            }
        }
        return false;
    }

    FlowRule rule(int d, int hop) {
        Demand dem = routing.demands().demand(d);
        boolean hosts = dem.kind() == EndpointKind.HOST;
        MacAddress src = hosts ? t.host(dem.source()).mac() : null;
        MacAddress dst = hosts ? t.host(dem.destination()).mac() : null;
        int n = routing.pathLength(d);
        int s = hop < n ? t.linkSrc(routing.pathLink(d, hop)) : routing.demands().dstSwitch(d);
        return new FlowRule(t.switchAt(s).dpid(), dem.id(), dem.demandClass(), src, dst,
                t.switchAt(routing.demands().srcSwitch(d)).dpid(), t.switchAt(routing.demands().dstSwitch(d)).dpid(),
                outPort(d, hop), matchKey(d));
    }
}
