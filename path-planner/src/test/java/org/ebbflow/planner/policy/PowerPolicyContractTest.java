package org.ebbflow.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.support.RandomTopologies;
import org.ebbflow.planner.support.Snapshots;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;
import org.junit.jupiter.api.Test;

/**
 * The {@link PowerPolicy} contract, run against every implementation by a subclass: whatever the topology, failures,
 * current states, loads and memory, the required elements alone never partition terminals the full topology
 * connects; unavailable elements are marked so and nothing else; a required cable has required ends; every required
 * or held element has a reason; the decision is deterministic.
 */
abstract class PowerPolicyContractTest {
    abstract PowerPolicy create();

    static List<TopologySnapshot> topologies(long seed) {
        List<TopologySnapshot> out = new ArrayList<>();
        for (TopologySnapshot t : new TopologySnapshot[] {FatTree.build(4), FatTree.build(6),
                LeafSpine.build(4, 6, 2, 40_000_000_000L, 10_000_000_000L),
                RandomTopologies.connected(seed, 16, 0.15, 1), RandomTopologies.connected(seed, 16, 0.15, 0)}) {
            out.add(t);
            out.add(Snapshots.withRandomFailures(t, seed, 0.08, 0.08));
        }
        return out;
    }

    static PolicyInput randomInput(TopologySnapshot t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] bps = new double[t.linkCount()];
        for (int l = 0; l < bps.length; l++) {
            double u = rnd.nextDouble();
            bps[l] = u < 0.05 ? Double.NaN : rnd.nextDouble() * rnd.nextDouble() * t.linkCapacityBps(l);
        }
        PolicyMemory.Builder memory = PolicyMemory.empty().toBuilder();
        for (int s = 0; s < t.switchCount(); s++) {
            if (rnd.nextInt(4) == 0) {
                memory.switchChanged(t.switchAt(s).dpid(), 1_000_000 - rnd.nextInt(1_200_000));
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            if (rnd.nextInt(6) == 0) {
                memory.cableChanged(t.link(l).key(), 1_000_000 - rnd.nextInt(1_200_000));
            }
        }
        return PolicyInput.builder(t).current(Snapshots.randomStates(t, seed, 0.3)).nowMillis(1_000_000)
                .memory(memory.build()).currentLoads(LinkLoads.of(t, bps)).build();
    }

    @Test
    void requiredElementsNeverPartitionAndDecisionsAreConsistent() {
        PowerPolicy policy = create();
        for (long seed = 1; seed <= 12; seed++) {
            for (TopologySnapshot t : topologies(seed)) {
                PolicyInput in = randomInput(t, seed);
                PowerDecision d = policy.decide(in);
                assertEquals(policy.name(), d.policy());
                assertEquals(t, d.topology());
                PowerStates required = d.requiredStates(in.current());
                boolean[] s = new boolean[t.switchCount()];
                boolean[] l = new boolean[t.linkCount()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = required.isSwitchAwake(i) && PowerStates.isSwitchAvailable(t, i);
                    boolean available = PowerStates.isSwitchAvailable(t, i);
                    assertEquals(!available, d.switchDirective(i) == ElementDirective.UNAVAILABLE);
                    if (d.switchDirective(i) == ElementDirective.REQUIRED
                            || d.switchDirective(i) == ElementDirective.HELD_ASLEEP) {
                        assertNotNull(d.switchReason(i), policy.name() + " switch " + i);
                    }
                }
                for (int i = 0; i < l.length; i++) {
                    l[i] = required.carries(i);
                    assertEquals(!PowerStates.isLinkAvailable(t, i),
                            d.linkDirective(i) == ElementDirective.UNAVAILABLE);
                    if (d.linkDirective(i) == ElementDirective.REQUIRED) {
                        assertEquals(ElementDirective.REQUIRED, d.switchDirective(t.linkSrc(i)));
                        assertEquals(ElementDirective.REQUIRED, d.switchDirective(t.linkDst(i)));
                        assertNotNull(d.linkReason(i));
                        int r = t.reverseLink(i);
                        assertTrue(r < 0 || d.linkDirective(r) == ElementDirective.REQUIRED, "cables are symmetric");
                    }
                }
                assertTrue(Connectivity.keepsTerminalsTogether(t, Connectivity.fullComponents(t),
                        Connectivity.components(t, s, l), s), policy.name() + " partitions " + t + " seed " + seed);
                PowerDecision again = policy.decide(in);
                for (int i = 0; i < t.switchCount(); i++) {
                    assertEquals(d.switchDirective(i), again.switchDirective(i));
                }
            }
        }
    }
}
