package org.ebbflow.planner.policy;

import org.ebbflow.topology.TopologySnapshot;

/** The baseline without energy management: every available switch and cable is required. O(S + L). */
public final class AlwaysOnPolicy implements PowerPolicy {
    /** The policy's name. */
    public static final String NAME = "always-on";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PowerDecision decide(PolicyInput input) {
        TopologySnapshot t = input.topology();
        PowerDecision.Builder b = PowerDecision.builder(t, NAME);
        for (int s = 0; s < t.switchCount(); s++) {
            b.requireSwitch(s, NAME);
        }
        for (int l = 0; l < t.linkCount(); l++) {
            b.requireLink(l, NAME);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
