package org.ebbflow.planner.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/** Routings assembled by an outside router (as the MILP will) book loads and uses like the package's routers. */
class RoutingAssemblerTest {
    @Test
    void placesRefusesAndBooks() {
        TopologySnapshot t = LeafSpine.build(1, 2, 1, 1_000_000_000L, 1_000_000_000L);
        DemandSet set = DemandSet.of(List.of(Demand.betweenHosts(0, 0, 1, 6e8, 6e8, DemandClass.BULK),
                Demand.betweenHosts(1, 0, 1, 6e8, 6e8, DemandClass.BULK),
                Demand.betweenHosts(2, 1, 0, 1e8, 1e8, DemandClass.BULK)));
        RoutingRequest request = RoutingRequest.builder(set.resolve(t),
                new AlwaysOnPolicy().decide(PolicyInput.builder(t).build())).build();
        Routing reference = new EcmpRouter().route(request);
        int[] path = reference.path(0).links();
        RoutingAssembler a = new RoutingAssembler(request);
        assertTrue(a.fits(0, path));
        a.place(0, path);
        assertFalse(a.fits(1, path), "1.2G would exceed the 90% bulk cap");
        a.refuse(1, RefusalReason.NO_CAPACITY, "by hand");
        assertThrows(IllegalArgumentException.class, () -> a.place(0, path), "already placed");
        assertThrows(IllegalArgumentException.class, () -> a.place(2, path), "wrong direction");
        Routing r = a.build("assembled");
        assertEquals("assembled", r.router());
        assertEquals(6e8, r.loadBps(path[0]));
        assertTrue(r.usesLink(path[0]) && r.usesSwitch(t.linkDst(path[0])));
        assertEquals(RefusalReason.NO_CAPACITY, r.refusal(1).reason());
        assertEquals(RefusalReason.UNREACHABLE, r.refusal(2).reason(), "left unplaced");
        assertThrows(IllegalStateException.class, () -> a.refuse(2, RefusalReason.UNREACHABLE, "late"));
    }
}
