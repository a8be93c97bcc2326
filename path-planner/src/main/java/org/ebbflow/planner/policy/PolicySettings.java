package org.ebbflow.planner.policy;

import java.util.Objects;

/**
 * Thresholds and timings of the forecast-driven policy. Immutable.
 *
 * <h2>Defaults and why</h2>
 * <ul>
 *   <li>high water {@value #DEFAULT_HIGH_WATER}: wake when the forecast upper bound of a group's traffic would load
 *   its awake capacity above 80%: ten points below the bulk cap (0.9) for what unsplittable flows lose to packing;
 *   the upper bound already covers the forecast's noise.</li>
 *   <li>low water {@value #DEFAULT_LOW_WATER}: sleep an element only if the rest would stay at or below 40%. High
 *   over low is 2, so after a sleep the forecast must double before the next wake: noise of ±40% can never make an
 *   element flap.</li>
 *   <li>minimum dwell {@value #DEFAULT_MIN_DWELL_MILLIS} ms (10 minutes): an element keeps a new state at least this
 *   long, twenty times the default wake latency, so at most about 5% of an element's time goes to transitions.
 *   Capacity wakes (forecast above high water) are never delayed by dwell: safety before stability.</li>
 *   <li>decision period {@value #DEFAULT_DECISION_PERIOD_MILLIS} ms: how often the planner runs; the wake lead time is
 *   the largest wake latency of the network's switch models plus one decision period, since capacity not woken now
 *   can be ready at the earliest one period plus one wake latency later. The forecast horizon must reach it.</li>
 *   <li>redundancy {@value #DEFAULT_REDUNDANCY}: spare edge-disjoint paths kept between edge/leaf switches beyond the
 *   one that connectivity needs (ElasticTree's "MST+N").</li>
 * </ul>
 */
public final class PolicySettings {
    /** Default low-water utilisation. */
    public static final double DEFAULT_LOW_WATER = 0.4;
    /** Default high-water utilisation. */
    public static final double DEFAULT_HIGH_WATER = 0.8;
    /** Default minimum dwell time, milliseconds. */
    public static final long DEFAULT_MIN_DWELL_MILLIS = 600_000;
    /** Default decision period, milliseconds. */
    public static final long DEFAULT_DECISION_PERIOD_MILLIS = 10_000;
    /** Default number of spare paths. */
    public static final int DEFAULT_REDUNDANCY = 0;

    private static final PolicySettings DEFAULTS = builder().build();

    private final double lowWater;
    private final double highWater;
    private final long minDwellMillis;
    private final long decisionPeriodMillis;
    private final int redundancy;
    private final Long wakeLeadMillis;

    private PolicySettings(Builder b) {
        if (!(b.lowWater > 0 && b.lowWater < b.highWater && b.highWater <= 1)) {
            throw new IllegalArgumentException("need 0 < low water < high water <= 1: " + b.lowWater + ", "
                    + b.highWater);
        }
        if (b.minDwellMillis < 0 || b.decisionPeriodMillis <= 0 || b.redundancy < 0
                || b.wakeLeadMillis != null && b.wakeLeadMillis < 0) {
            throw new IllegalArgumentException("dwell, lead and redundancy must not be negative, the decision period "
                    + "must be positive");
        }
        this.lowWater = b.lowWater;
        this.highWater = b.highWater;
        this.minDwellMillis = b.minDwellMillis;
        this.decisionPeriodMillis = b.decisionPeriodMillis;
        this.redundancy = b.redundancy;
        this.wakeLeadMillis = b.wakeLeadMillis;
    }

    /** @return the defaults */
    public static PolicySettings defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return sleep only if the remaining awake capacity stays at or below this utilisation */
    public double lowWater() {
        return lowWater;
    }

    /** @return wake when the awake capacity would be loaded above this utilisation */
    public double highWater() {
        return highWater;
    }

    /** @return the least time an element keeps a new state, milliseconds */
    public long minDwellMillis() {
        return minDwellMillis;
    }

    /** @return how often the planner runs, milliseconds */
    public long decisionPeriodMillis() {
        return decisionPeriodMillis;
    }

    /** @return spare edge-disjoint paths kept beyond connectivity */
    public int redundancy() {
        return redundancy;
    }

    /**
     * @param maxWakeLatencyMillis the largest wake latency of the network's switch models
     * @return the window the forecast must cover: the explicit lead if one was set, else the wake latency plus one
     *     decision period
     */
    public long wakeLeadMillis(long maxWakeLatencyMillis) {
        return wakeLeadMillis != null ? wakeLeadMillis : maxWakeLatencyMillis + decisionPeriodMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicySettings)) {
            return false;
        }
        PolicySettings p = (PolicySettings) o;
        return lowWater == p.lowWater && highWater == p.highWater && minDwellMillis == p.minDwellMillis
                && decisionPeriodMillis == p.decisionPeriodMillis && redundancy == p.redundancy
                && Objects.equals(wakeLeadMillis, p.wakeLeadMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lowWater, highWater, minDwellMillis, decisionPeriodMillis, redundancy, wakeLeadMillis);
    }

    @Override
    public String toString() {
        return "PolicySettings{low " + lowWater + ", high " + highWater + ", dwell " + minDwellMillis + " ms, period "
                + decisionPeriodMillis + " ms, redundancy " + redundancy
                + (wakeLeadMillis == null ? "" : ", lead " + wakeLeadMillis + " ms") + "}";
    }

    /** Sets thresholds and timings; unset ones keep their defaults. */
    public static final class Builder {
        private double lowWater = DEFAULT_LOW_WATER;
        private double highWater = DEFAULT_HIGH_WATER;
        private long minDwellMillis = DEFAULT_MIN_DWELL_MILLIS;
        private long decisionPeriodMillis = DEFAULT_DECISION_PERIOD_MILLIS;
        private int redundancy = DEFAULT_REDUNDANCY;
        private Long wakeLeadMillis;

        private Builder() {
        }

        /** @param v low-water utilisation, in (0, high water) */
        public Builder lowWater(double v) {
            this.lowWater = v;
            return this;
        }

        /** @param v high-water utilisation, in (low water, 1] */
        public Builder highWater(double v) {
            this.highWater = v;
            return this;
        }

        /** @param v minimum dwell time, milliseconds, not negative */
        public Builder minDwellMillis(long v) {
            this.minDwellMillis = v;
            return this;
        }

        /** @param v decision period, milliseconds, positive */
        public Builder decisionPeriodMillis(long v) {
            this.decisionPeriodMillis = v;
            return this;
        }

        /** @param v spare edge-disjoint paths beyond connectivity, not negative */
        public Builder redundancy(int v) {
            this.redundancy = v;
            return this;
        }

        /** @param v an explicit wake lead time in milliseconds instead of wake latency plus decision period */
        public Builder wakeLeadMillis(long v) {
            this.wakeLeadMillis = v;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException unless 0 < low < high ≤ 1 and times and redundancy are in range
         */
        public PolicySettings build() {
            return new PolicySettings(this);
        }
    }
}
