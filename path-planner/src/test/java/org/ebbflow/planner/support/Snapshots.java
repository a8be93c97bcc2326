package org.ebbflow.planner.support;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.TopologySnapshot;

/** Copies of snapshots with some switches or links in other states. */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * @param switchStates new states by switch index
     * @param linkStates new own states by link index (applied to the link and its reverse)
     */
    public static TopologySnapshot withStates(TopologySnapshot t, Map<Integer, ElementState> switchStates,
                                              Map<Integer, ElementState> linkStates) {
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(t.version() + 1);
        for (int s = 0; s < t.switchCount(); s++) {
            b.addSwitch(t.switchAt(s), switchStates.getOrDefault(s, ElementState.ACTIVE));
            t.portsOf(s).forEach(b::addPort);
        }
        for (int l = 0; l < t.linkCount(); l++) {
            ElementState own = linkStates.getOrDefault(l, ElementState.ACTIVE);
            int r = t.reverseLink(l);
            if (r >= 0 && linkStates.containsKey(r)) {
                own = own.combine(linkStates.get(r));
            }
            Link link = t.link(l);
            b.addLink(Link.of(link.key(), link.capacityBps(), own));
        }
        t.hosts().forEach(b::addHost);
        return b.build();
    }

    /**
     * A copy in which each switch fails with probability {@code pFail} and each cable with {@code pCableFail}.
     */
    public static TopologySnapshot withRandomFailures(TopologySnapshot t, long seed, double pFail,
                                                      double pCableFail) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<Integer, ElementState> sw = new HashMap<>();
        Map<Integer, ElementState> ln = new HashMap<>();
        for (int s = 0; s < t.switchCount(); s++) {
            if (rnd.nextDouble() < pFail) {
                sw.put(s, ElementState.FAILED);
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            int r = t.reverseLink(l);
            if ((r < 0 || l < r) && rnd.nextDouble() < pCableFail) {
                ln.put(l, rnd.nextBoolean() ? ElementState.FAILED : ElementState.ADMIN_DOWN);
            }
        }
        return withStates(t, sw, ln);
    }

    /** Random power states: each available switch asleep with probability {@code pAsleep}, cables likewise. */
    public static PowerStates randomStates(TopologySnapshot t, long seed, double pAsleep) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PowerStates.Builder b = PowerStates.allAwake(t).toBuilder();
        for (int s = 0; s < t.switchCount(); s++) {
            if (rnd.nextDouble() < pAsleep) {
                b.switchAwake(s, false);
            }
        }
        for (int l = 0; l < t.linkCount(); l++) {
            if (rnd.nextDouble() < pAsleep) {
                b.linkAwake(l, false);
            }
        }
        return b.build();
    }
}
