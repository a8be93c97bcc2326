package org.ebbflow.planner.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class PowerModelRegistryTest {
    @Test
    void defaultsCarryThePublishedCorners() {
        PowerModelRegistry r = PowerModelRegistry.defaults();
        SwitchPowerModel generic = r.modelFor(PowerModelRegistry.GENERIC_48P);
        assertEquals(150, generic.chassisWatts());
        assertEquals(1, generic.portWatts());
        assertEquals(0, generic.sleepWatts());
        SwitchPowerModel lean = r.modelFor(PowerModelRegistry.GENERIC_48P_LEAN);
        assertEquals(70, lean.chassisWatts());
        assertEquals(2, lean.portWatts());
        assertEquals(generic, r.modelFor("some-unknown-switch"), "unknown keys fall back");
        assertEquals(198, generic.awakeWatts(48));
    }

    @Test
    void unknownKeyWithoutFallbackIsAClearError() {
        PowerModelRegistry r = PowerModelRegistry.builder().add(SwitchPowerModel.of("a", 100, 1, 5, 10)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.modelFor("b"));
        assertTrue(e.getMessage().contains("unknown power model 'b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PowerModelRegistry.builder().fallback("missing").build());
    }

    @Test
    void replacingAModelKeepsTheOthers() {
        PowerModelRegistry r = PowerModelRegistry.defaults().toBuilder()
                .add(SwitchPowerModel.of(PowerModelRegistry.GENERIC_48P, 120, 1.5, 10, 5_000)).build();
        assertEquals(120, r.modelFor(PowerModelRegistry.GENERIC_48P).chassisWatts());
        assertEquals(70, r.modelFor(PowerModelRegistry.GENERIC_48P_LEAN).chassisWatts());
        SwitchPowerTable table = r.resolve(FatTree.build(4));
        assertEquals(20, table.switchCount());
        assertEquals(110, table.chassisSavingWatts(0));
        assertEquals(5_000, table.maxWakeLatencyMillis());
    }

    @Test
    void rejectsImpossibleFigures() {
        assertThrows(IllegalArgumentException.class, () -> SwitchPowerModel.of("x", -1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SwitchPowerModel.of("x", 100, Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SwitchPowerModel.of("x", 100, 1, 101, 0));
        assertThrows(IllegalArgumentException.class, () -> SwitchPowerModel.of("x", 100, 1, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> SwitchPowerModel.of(" ", 100, 1, 0, 0));
    }
}
