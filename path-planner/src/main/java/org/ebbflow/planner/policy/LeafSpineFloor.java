package org.ebbflow.planner.policy;

import org.ebbflow.planner.fabric.LeafSpineLayout;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The leaf-spine floor: every leaf with hosts and the 1 + N leftmost available spines, with the links between them
 * (1 + N node-disjoint paths between any two leaves). Falls back to {@link SpanningForestFloor} if failures leave
 * that shape disconnected. O(S + L).
 */
public final class LeafSpineFloor implements ConnectivityFloor {
    private final int redundancy;

    /** @param redundancy spare paths beyond the first, not negative */
    public LeafSpineFloor(int redundancy) {
        if (redundancy < 0) {
            throw new IllegalArgumentException("redundancy must not be negative: " + redundancy);
        }
        this.redundancy = redundancy;
    }

    @Override
    public Floor compute(TopologySnapshot t) {
        LeafSpineLayout f = LeafSpineLayout.detect(t);
        if (f == null || t.hostCount() == 0) {
            return new SpanningForestFloor(redundancy).compute(t);
        }
        boolean[] switches = new boolean[t.switchCount()];
        boolean[] links = new boolean[t.linkCount()];
        boolean[] terminal = Connectivity.terminals(t);
        int chosen = 0;
        for (int i = 0; i < f.spineCount() && chosen <= redundancy; i++) {
            if (!PowerStates.isSwitchAvailable(t, f.spine(i))) {
                continue;
            }
            chosen++;
            switches[f.spine(i)] = true;
            for (int j = 0; j < f.leafCount(); j++) {
                if (terminal[f.leaf(j)] && PowerStates.isSwitchAvailable(t, f.leaf(j))) {
                    switches[f.leaf(j)] = true;
                    FatTreeFloor.mark(t, links, f.up(j, i));
                }
            }
        }
        int[] full = Connectivity.fullComponents(t);
        int[] part = Connectivity.components(t, switches, links);
        if (!Connectivity.keepsTerminalsTogether(t, full, part, switches)) {
            return new SpanningForestFloor(redundancy).compute(t);
        }
        return new Floor("leaf-spine+" + redundancy, switches, links);
    }
}
