package org.ebbflow.planner.plan;

import java.util.Objects;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.LinkSeriesMapping;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The inputs of one planning cycle: the snapshot, the demands (their upper bounds are what gets planned), the time,
 * the policy memory and the previous plan (both from the last cycle), the current power states (default: as the
 * snapshot reports them) and the traffic the policy sizes for: a forecast with its series mapping, current link
 * loads, or both. Immutable.
 */
public final class PlanRequest {
    private final TopologySnapshot topology;
    private final DemandSet demands;
    private final long nowMillis;
    private final PolicyMemory memory;
    private final Plan previous;
    private final PowerStates current;
    private final Forecast forecast;
    private final LinkSeriesMapping mapping;
    private final LinkLoads currentLoads;

    private PlanRequest(Builder b) {
        this.topology = b.topology;
        this.demands = b.demands;
        this.nowMillis = b.nowMillis;
        this.memory = b.memory != null ? b.memory : b.previous != null ? b.previous.nextMemory() : PolicyMemory.empty();
        this.previous = b.previous;
        this.current = b.current;
        this.forecast = b.forecast;
        this.mapping = b.mapping;
        this.currentLoads = b.currentLoads;
    }

    /**
     * @param topology the network now
     * @param demands the demands to place
     * @return a builder: time 0, no previous plan, states from the snapshot, no traffic figures
     */
    public static Builder builder(TopologySnapshot topology, DemandSet demands) {
        return new Builder(topology, demands);
    }

    /** @return the snapshot */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the demands */
    public DemandSet demands() {
        return demands;
    }

    /** @return the planning time, epoch milliseconds */
    public long nowMillis() {
        return nowMillis;
    }

    /** @return the policy memory (the previous plan's next memory unless given) */
    public PolicyMemory memory() {
        return memory;
    }

    /** @return the previous plan, or null */
    public Plan previous() {
        return previous;
    }

    /** @return the current power states, or null to read them from the snapshot */
    public PowerStates current() {
        return current;
    }

    /** @return the forecast, or null */
    public Forecast forecast() {
        return forecast;
    }

    /** @return the forecast's series mapping, or null */
    public LinkSeriesMapping mapping() {
        return mapping;
    }

    /** @return current link loads, or null */
    public LinkLoads currentLoads() {
        return currentLoads;
    }

    /** Assembles a request. */
    public static final class Builder {
        private final TopologySnapshot topology;
        private final DemandSet demands;
        private long nowMillis;
        private PolicyMemory memory;
        private Plan previous;
        private PowerStates current;
        private Forecast forecast;
        private LinkSeriesMapping mapping;
        private LinkLoads currentLoads;

        private Builder(TopologySnapshot topology, DemandSet demands) {
            this.topology = Objects.requireNonNull(topology, "topology");
            this.demands = Objects.requireNonNull(demands, "demands");
        }

        /** @param millis the planning time, epoch milliseconds */
        public Builder nowMillis(long millis) {
            this.nowMillis = millis;
            return this;
        }

        /** @param m the policy memory (default: the previous plan's next memory, or empty) */
        public Builder memory(PolicyMemory m) {
            this.memory = m;
            return this;
        }

        /** @param p the previous cycle's plan, or null */
        public Builder previous(Plan p) {
            this.previous = p;
            return this;
        }

        /** @param states the power states now */
        public Builder current(PowerStates states) {
            this.current = states;
            return this;
        }

        /**
         * @param f a forecast of link rates
         * @param m which series is which link
         */
        public Builder forecast(Forecast f, LinkSeriesMapping m) {
            this.forecast = Objects.requireNonNull(f, "forecast");
            this.mapping = Objects.requireNonNull(m, "mapping");
            return this;
        }

        /** @param loads the link rates measured now */
        public Builder currentLoads(LinkLoads loads) {
            this.currentLoads = loads;
            return this;
        }

        /** @return the request */
        public PlanRequest build() {
            return new PlanRequest(this);
        }
    }
}
