package org.ebbflow.planner.policy;

import java.util.Objects;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.power.SwitchPowerTable;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.topology.TopologySnapshot;

/**
 * What a policy decides from: the snapshot, the current power states, the time, the memory of past transitions,
 * the power models (for wake latencies) and the traffic: a forecast with its series-to-link mapping, current link
 * loads, or both. Immutable.
 */
public final class PolicyInput {
    private final TopologySnapshot topology;
    private final PowerStates current;
    private final long nowMillis;
    private final PolicyMemory memory;
    private final SwitchPowerTable power;
    private final Forecast forecast;
    private final LinkSeriesMapping mapping;
    private final LinkLoads currentLoads;

    private PolicyInput(Builder b) {
        this.topology = b.topology;
        this.current = b.current == null ? PowerStates.fromSnapshot(b.topology) : b.current;
        if (current.topology() != topology) {
            throw new IllegalArgumentException("power states belong to another snapshot");
        }
        this.nowMillis = b.nowMillis;
        this.memory = b.memory;
        this.power = b.registry.resolve(topology);
        this.forecast = b.forecast;
        this.mapping = b.mapping;
        if (mapping != null && mapping.topology() != topology) {
            throw new IllegalArgumentException("series mapping belongs to another snapshot");
        }
        this.currentLoads = b.currentLoads;
        if (currentLoads != null && currentLoads.topology() != topology) {
            throw new IllegalArgumentException("current loads belong to another snapshot");
        }
    }

    /** @return a builder for the given snapshot: states from the snapshot, time 0, empty memory, default models */
    public static Builder builder(TopologySnapshot topology) {
        return new Builder(topology);
    }

    /** @return the snapshot */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the power states now */
    public PowerStates current() {
        return current;
    }

    /** @return the decision time, epoch milliseconds */
    public long nowMillis() {
        return nowMillis;
    }

    /** @return when elements last changed state */
    public PolicyMemory memory() {
        return memory;
    }

    /** @return the switches' power figures and wake latencies */
    public SwitchPowerTable power() {
        return power;
    }

    /** @return the forecast, or null */
    public Forecast forecast() {
        return forecast;
    }

    /**
     * The loads a forecast-driven policy sizes capacity for: the largest forecast upper bound per link over the steps
     * covering {@code leadMillis} (at least one step). Without a forecast, the current loads stand in (a persistence
     * forecast); without either, every link is unknown.
     *
     * @param leadMillis the window to cover, milliseconds
     * @throws IllegalArgumentException if the forecast's horizon does not reach the lead time
     */
    public LinkLoads forecastLoads(long leadMillis) {
        if (forecast == null) {
            return currentLoads != null ? currentLoads : LinkLoads.unknown(topology);
        }
        long steps = Math.max(1, (leadMillis + forecast.stepMillis() - 1) / forecast.stepMillis());
        if (steps > forecast.horizon()) {
            throw new IllegalArgumentException("forecast horizon " + forecast.horizon() + " steps x "
                    + forecast.stepMillis() + " ms = " + forecast.horizon() * forecast.stepMillis()
                    + " ms does not reach the wake lead time of " + leadMillis + " ms (largest wake latency plus one "
                    + "decision period): forecast at least " + steps + " steps ahead");
        }
        return mapping.upperBounds(forecast, (int) steps);
    }

    /**
     * The forecast means that go with {@link #forecastLoads}: per link, the mean of the series and step whose upper
     * bound {@code forecastLoads} took. Without a forecast, the same as {@link #forecastLoads} (no margin).
     *
     * @param leadMillis the window to cover, milliseconds
     * @throws IllegalArgumentException if the forecast's horizon does not reach the lead time
     */
    public LinkLoads forecastMeans(long leadMillis) {
        if (forecast == null) {
            return forecastLoads(leadMillis);
        }
        long steps = Math.max(1, (leadMillis + forecast.stepMillis() - 1) / forecast.stepMillis());
        forecastLoads(leadMillis);
        return mapping.meansAtUpperBounds(forecast, (int) steps);
    }

    /** @return the current loads, or all unknown if none were given */
    public LinkLoads currentLoads() {
        return currentLoads != null ? currentLoads : LinkLoads.unknown(topology);
    }

    /** Assembles an input. */
    public static final class Builder {
        private final TopologySnapshot topology;
        private PowerStates current;
        private long nowMillis;
        private PolicyMemory memory = PolicyMemory.empty();
        private PowerModelRegistry registry = PowerModelRegistry.defaults();
        private Forecast forecast;
        private LinkSeriesMapping mapping;
        private LinkLoads currentLoads;

        private Builder(TopologySnapshot topology) {
            this.topology = Objects.requireNonNull(topology, "topology");
        }

        /** @param states the power states now (default: as the snapshot reports them) */
        public Builder current(PowerStates states) {
            this.current = states;
            return this;
        }

        /** @param millis the decision time, epoch milliseconds */
        public Builder nowMillis(long millis) {
            this.nowMillis = millis;
            return this;
        }

        /** @param m when elements last changed state */
        public Builder memory(PolicyMemory m) {
            this.memory = Objects.requireNonNull(m, "memory");
            return this;
        }

        /** @param r the power models */
        public Builder powerModels(PowerModelRegistry r) {
            this.registry = Objects.requireNonNull(r, "registry");
            return this;
        }

        /**
         * @param f a forecast of link rates
         * @param m which series is which link
         */
        public Builder forecast(Forecast f, LinkSeriesMapping m) {
            if (f.batch() != m.seriesCount()) {
                throw new IllegalArgumentException("forecast has " + f.batch() + " series, the mapping "
                        + m.seriesCount());
            }
            this.forecast = f;
            this.mapping = m;
            return this;
        }

        /** @param loads the rates measured now */
        public Builder currentLoads(LinkLoads loads) {
            this.currentLoads = loads;
            return this;
        }

        /** @return the input */
        public PolicyInput build() {
            return new PolicyInput(this);
        }
    }
}
