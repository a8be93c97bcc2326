package org.ebbflow.planner.route;

import java.util.Objects;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.power.SwitchPowerTable;
import org.ebbflow.topology.TopologySnapshot;

/**
 * What a router needs: demands bound to a snapshot, the power decision for that snapshot, the current power states
 * (to prefer awake elements over ones that must wake), class caps, power figures (to prefer the cheapest element to
 * keep awake), and optionally the previous routing (a demand of any class keeps its path while it still fits and
 * needs nothing woken, unless re-placing demands lets an element sleep). Immutable.
 */
public final class RoutingRequest {
    private final ResolvedDemands demands;
    private final PowerDecision decision;
    private final PowerStates current;
    private final ClassCaps caps;
    private final SwitchPowerTable power;
    private final Routing previous;

    private RoutingRequest(Builder b) {
        this.demands = b.demands;
        this.decision = Objects.requireNonNull(b.decision, "decision");
        TopologySnapshot t = demands.topology();
        if (decision.topology() != t) {
            throw new IllegalArgumentException("the decision was made for another snapshot");
        }
        this.current = b.current == null ? PowerStates.fromSnapshot(t) : b.current;
        if (current.topology() != t) {
            throw new IllegalArgumentException("the power states belong to another snapshot");
        }
        this.caps = b.caps;
        this.power = b.power == null ? PowerModelRegistry.defaults().resolve(t) : b.power;
        if (power.switchCount() != t.switchCount()) {
            throw new IllegalArgumentException("the power table belongs to another snapshot");
        }
        this.previous = b.previous;
    }

    /**
     * @param demands demands bound to the snapshot
     * @param decision the power decision for the same snapshot
     * @return a builder with default caps and power models, states from the snapshot, no previous routing
     */
    public static Builder builder(ResolvedDemands demands, PowerDecision decision) {
        return new Builder(demands, decision);
    }

    /** @return the snapshot */
    public TopologySnapshot topology() {
        return demands.topology();
    }

    /** @return the demands */
    public ResolvedDemands demands() {
        return demands;
    }

    /** @return the power decision */
    public PowerDecision decision() {
        return decision;
    }

    /** @return the power states now */
    public PowerStates current() {
        return current;
    }

    /** @return the class caps */
    public ClassCaps caps() {
        return caps;
    }

    /** @return the power figures per switch */
    public SwitchPowerTable power() {
        return power;
    }

    /** @return the previous routing, or null */
    public Routing previous() {
        return previous;
    }

    /** Assembles a request. */
    public static final class Builder {
        private final ResolvedDemands demands;
        private final PowerDecision decision;
        private PowerStates current;
        private ClassCaps caps = ClassCaps.defaults();
        private SwitchPowerTable power;
        private Routing previous;

        private Builder(ResolvedDemands demands, PowerDecision decision) {
            this.demands = Objects.requireNonNull(demands, "demands");
            this.decision = decision;
        }

        /** @param states the power states now */
        public Builder current(PowerStates states) {
            this.current = states;
            return this;
        }

        /** @param c the class caps */
        public Builder caps(ClassCaps c) {
            this.caps = Objects.requireNonNull(c, "caps");
            return this;
        }

        /** @param table power figures for the snapshot's switches */
        public Builder power(SwitchPowerTable table) {
            this.power = table;
            return this;
        }

        /** @param r the previous cycle's routing, or null */
        public Builder previous(Routing r) {
            this.previous = r;
            return this;
        }

        /** @return the request */
        public RoutingRequest build() {
            return new RoutingRequest(this);
        }
    }
}
