package org.ebbflow.planner.power;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ebbflow.planner.policy.FatTreeFloor;
import org.ebbflow.planner.policy.Floor;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

/** Power reports checked by hand against the anchors' arithmetic (§6). */
class PowerReportTest {
    private static final double EPS = 1e-9;

    @Test
    void fatTreeK4AllOnIsTwentySwitchesOfFourPorts() {
        PowerReport r = PowerReport.of(PowerStates.allAwake(FatTree.build(4)), PowerModelRegistry.defaults());
        // 20 switches x (150 W + 4 ports x 1 W); every port is connected, so maximum = all-on.
        assertEquals(3080, r.allOnWatts(), EPS);
        assertEquals(3080, r.currentWatts(), EPS);
        assertEquals(3080, r.maxWatts(), EPS);
        assertEquals(0, r.savedFraction(), EPS);
        assertEquals(4 * 154, r.byRole().get(SwitchRole.CORE).allOnWatts(), EPS);
        assertEquals(8 * 154, r.byRole().get(SwitchRole.EDGE).currentWatts(), EPS);
        assertEquals(32, r.carryingCables());
    }

    @Test
    void fatTreeK4FloorKeeps64Point6Percent() {
        TopologySnapshot t = FatTree.build(4);
        PowerReport r = PowerReport.of(floorStates(t), PowerModelRegistry.defaults());
        // 8 edges x (150 + 2 host ports + 1 uplink) + 4 aggs x (150 + 2 down + 1 up) + 1 core x (150 + 4) = 1990 W
        assertEquals(1990, r.currentWatts(), EPS);
        assertEquals(1990.0 / 3080, r.currentWatts() / r.allOnWatts(), 1e-12);
        assertEquals(0.646, r.currentWatts() / r.allOnWatts(), 5e-4, "anchors §6: 64.6% at 150 W + 1 W/port");
        assertEquals(13, r.awakeSwitches());
        assertEquals(7, r.asleepSwitches());
        assertEquals(3, r.byRole().get(SwitchRole.CORE).asleep());
        assertEquals(154, r.byRole().get(SwitchRole.CORE).currentWatts(), EPS);
        assertEquals(612, r.byRole().get(SwitchRole.AGGREGATION).currentWatts(), EPS);
    }

    @Test
    void leanModelFloorKeeps63Point5Percent() {
        TopologySnapshot t = FatTree.build(4);
        PowerModelRegistry lean = PowerModelRegistry.builder()
                .add(SwitchPowerModel.of("lean", 70, 2, 0, 0)).fallback("lean").build();
        PowerReport r = PowerReport.of(floorStates(t), lean);
        // 8 x (70 + 6) + 4 x (70 + 6) + (70 + 8) = 990 W of 20 x 78 = 1560 W
        assertEquals(990, r.currentWatts(), EPS);
        assertEquals(1560, r.allOnWatts(), EPS);
        assertEquals(0.635, r.currentWatts() / r.allOnWatts(), 5e-4, "anchors §6: 63.5% at 70 W + 2 W/port");
    }

    @Test
    void maximumCountsUnusedPortsAndSleepDrawsTheSleepFigure() {
        DatapathId a = DatapathId.of(1);
        DatapathId b = DatapathId.of(2);
        TopologySnapshot t = TopologySnapshot.builder()
                .addSwitch(SwitchInfo.builder(a, "a").portCount(48).powerModelKey("m").build())
                .addSwitch(SwitchInfo.builder(b, "b").portCount(48).powerModelKey("m").build())
                .addLink(Link.active(ConnectPoint.of(a, 48), ConnectPoint.of(b, 48), 1_000_000_000L))
                .addLink(Link.active(ConnectPoint.of(b, 48), ConnectPoint.of(a, 48), 1_000_000_000L))
                .addHost(HostEndpoint.builder(MacAddress.of(1), ConnectPoint.of(a, 1)).build())
                .addHost(HostEndpoint.builder(MacAddress.of(2), ConnectPoint.of(a, 1)).build())
                .addHost(HostEndpoint.builder(MacAddress.of(3), ConnectPoint.of(b, 1)).build())
                .build();
        PowerModelRegistry models = PowerModelRegistry.builder().add(SwitchPowerModel.of("m", 100, 2, 5, 0)).build();
        PowerReport all = PowerReport.of(PowerStates.allAwake(t), models);
        // a: 2 containers share port 1, plus the cable: 2 ports; b: host + cable: 2 ports.
        assertEquals(2 * (100 + 2 * 2), all.allOnWatts(), EPS);
        assertEquals(2 * (100 + 48 * 2), all.maxWatts(), EPS);
        PowerStates bAsleep = PowerStates.allAwake(t).toBuilder().switchAwake(1, false).build();
        PowerReport r = PowerReport.of(bAsleep, models);
        // a keeps only its host port (the cable's far end sleeps); b draws its sleep figure.
        assertEquals(100 + 2 + 5, r.currentWatts(), EPS);
        assertEquals(0, r.carryingCables());
    }

    private static PowerStates floorStates(TopologySnapshot t) {
        Floor f = new FatTreeFloor(0).compute(t);
        PowerStates.Builder b = PowerStates.builder(t);
        for (int s = 0; s < t.switchCount(); s++) {
            b.switchAwake(s, f.hasSwitch(s));
        }
        for (int l = 0; l < t.linkCount(); l++) {
            if (f.hasLink(l)) {
                b.linkAwake(l, true);
            }
        }
        return b.build();
    }
}
