package org.ebbflow.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

class ReactivePolicyTest extends PowerPolicyContractTest {
    @Override
    PowerPolicy create() {
        return new ReactivePolicy();
    }

    @Test
    void sizesSpinesToTheCurrentLoadAtTheTarget() {
        TopologySnapshot t = LeafSpine.build(4, 4, 2, 10_000_000_000L, 10_000_000_000L);
        // Each leaf sends 20 Gb/s up (5 per spine): at 80% of 10G that needs 3 spines.
        LinkLoads loads = ForecastThresholdPolicyTest.leafSpineLoads(t, 20e9);
        PowerDecision d = create().decide(PolicyInput.builder(t).currentLoads(loads).build());
        assertEquals(4 + 3, d.switchCount(ElementDirective.REQUIRED));
        assertEquals(1, d.switchCount(ElementDirective.OPTIONAL));
        assertEquals(0, d.leadMillis());
    }
}
