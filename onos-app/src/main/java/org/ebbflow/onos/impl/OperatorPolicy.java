package org.ebbflow.onos.impl;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.policy.PolicyInput;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.policy.PowerPolicy;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A power policy that honours the operator: elements pinned awake are required, whatever the wrapped policy says; a
 * switch pinned awake keeps its cables awake too (an operator who wakes a switch expects it to forward).
 * Elements pinned asleep need nothing here: their ports are administratively down, so the snapshot reports them
 * unusable and no router uses them, and {@link Actuation} never wakes a pinned element.
 */
final class OperatorPolicy implements PowerPolicy {
    static final String REASON = "operator: ebbflow-wake";

    private final PowerPolicy inner;
    private final Supplier<Map<String, String>> pins;

    /**
     * @param inner the policy that decides everything else
     * @param pins the current overrides, read once per decision
     */
    OperatorPolicy(PowerPolicy inner, Supplier<Map<String, String>> pins) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.pins = Objects.requireNonNull(pins, "pins");
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** @return the wrapped policy */
    PowerPolicy inner() {
        return inner;
    }

    @Override
    public PowerDecision decide(PolicyInput input) {
        PowerDecision d = inner.decide(input);
        Map<String, String> p = pins.get();
        if (p.isEmpty() || !p.containsValue(ClusterState.PIN_AWAKE)) {
            return d;
        }
        TopologySnapshot t = input.topology();
        PowerDecision.Builder b = PowerDecision.builder(t, d.policy()).leadMillis(d.leadMillis());
        for (int s = 0; s < t.switchCount(); s++) {
            if (ClusterState.PIN_AWAKE.equals(p.get(OnosNames.name(t.switchAt(s).dpid())))) {
                b.requireSwitch(s, REASON);
            }
            copy(b, d, s, true);
        }
        for (int l = 0; l < t.linkCount(); l++) {
            if (ClusterState.PIN_AWAKE.equals(p.get(OnosNames.name(PolicyMemory.cableKey(t.link(l).key()))))
                    || ClusterState.PIN_AWAKE.equals(p.get(OnosNames.name(t.link(l).src().dpid())))
                    || ClusterState.PIN_AWAKE.equals(p.get(OnosNames.name(t.link(l).dst().dpid())))) {
                b.requireLink(l, REASON);
            }
            copy(b, d, l, false);
        }
        return b.build();
    }

    private static void copy(PowerDecision.Builder b, PowerDecision d, int i, boolean isSwitch) {
        ElementDirective dir = isSwitch ? d.switchDirective(i) : d.linkDirective(i);
        String why = isSwitch ? d.switchReason(i) : d.linkReason(i);
        if (dir == ElementDirective.REQUIRED) {
            if (isSwitch) {
                b.requireSwitch(i, why);
            } else {
                b.requireLink(i, why);
            }
        } else if (dir == ElementDirective.HELD_ASLEEP) {
            if (isSwitch) {
                b.holdSwitch(i, why);
            } else {
                b.holdLink(i, why);
            }
        }
    }

    @Override
    public String toString() {
        return "OperatorPolicy{" + inner + "}";
    }
}
