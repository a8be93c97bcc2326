package org.ebbflow.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.junit.jupiter.api.Test;

class AlwaysOnPolicyTest extends PowerPolicyContractTest {
    @Override
    PowerPolicy create() {
        return new AlwaysOnPolicy();
    }

    @Test
    void requiresEverything() {
        TopologySnapshot t = FatTree.build(4);
        PowerDecision d = create().decide(PolicyInput.builder(t).build());
        assertEquals(20, d.switchCount(ElementDirective.REQUIRED));
        for (int l = 0; l < t.linkCount(); l++) {
            assertEquals(ElementDirective.REQUIRED, d.linkDirective(l));
        }
    }
}
