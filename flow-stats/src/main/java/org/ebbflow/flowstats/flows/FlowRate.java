package org.ebbflow.flowstats.flows;

import java.util.Objects;

/**
 * The average rate of one flow entry between two consecutive readings of it. Immutable.
 */
public final class FlowRate {
    private final FlowEntry entry;
    private final double rateBps;
    private final double packetsPerSecond;
    private final double intervalMillis;
    private final long fromMillis;
    private final long toMillis;
    private final boolean wrapped;

    private FlowRate(Builder b) {
        this.entry = Objects.requireNonNull(b.entry, "entry");
        if (!(b.rateBps >= 0) || !(b.packetsPerSecond >= 0) || !(b.intervalMillis > 0)) {
            throw new IllegalArgumentException("rates must be >= 0 and the interval > 0: " + b.rateBps + " bps, "
                    + b.packetsPerSecond + " pps, " + b.intervalMillis + " ms");
        }
        this.rateBps = b.rateBps;
        this.packetsPerSecond = b.packetsPerSecond;
        this.intervalMillis = b.intervalMillis;
        this.fromMillis = b.fromMillis;
        this.toMillis = b.toMillis;
        this.wrapped = b.wrapped;
    }

    /**
     * A builder for a rate of {@code entry} (its latest reading). Trackers make rates; simulators and tests may build
     * them directly.
     */
    public static Builder builder(FlowEntry entry) {
        return new Builder(entry);
    }

    /** @return the flow's latest reading (cookie, actions, counters) */
    public FlowEntry entry() {
        return entry;
    }

    /** @return the flow's identity */
    public FlowKey key() {
        return entry.key();
    }

    /** @return true if the flow's cookie carries ebbflow's tag */
    public boolean isEbbflow() {
        return entry.isEbbflow();
    }

    /** @return the average rate over the interval in bits per second, never negative */
    public double rateBps() {
        return rateBps;
    }

    /** @return the average packet rate over the interval in packets per second, never negative */
    public double packetsPerSecond() {
        return packetsPerSecond;
    }

    /**
     * @return the length of the interval the rates average over, in milliseconds: the difference of the flow's
     *     durations if both readings had one, else of the receive times
     */
    public double intervalMillis() {
        return intervalMillis;
    }

    /** @return receive time of the earlier reading, controller clock, milliseconds */
    public long fromMillis() {
        return fromMillis;
    }

    /** @return receive time of the later reading, controller clock, milliseconds */
    public long toMillis() {
        return toMillis;
    }

    /** @return true if a counter wrapped at 2^64 within the interval */
    public boolean wrapped() {
        return wrapped;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowRate)) {
            return false;
        }
        FlowRate r = (FlowRate) o;
        return Double.compare(rateBps, r.rateBps) == 0 && Double.compare(packetsPerSecond, r.packetsPerSecond) == 0
                && Double.compare(intervalMillis, r.intervalMillis) == 0 && fromMillis == r.fromMillis
                && toMillis == r.toMillis && wrapped == r.wrapped && entry.equals(r.entry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entry, rateBps, packetsPerSecond, fromMillis, toMillis);
    }

    @Override
    public String toString() {
        return key() + " " + rateBps + " bps " + packetsPerSecond + " pps over " + intervalMillis + " ms"
                + (wrapped ? " (wrapped)" : "") + (isEbbflow() ? " [ebbflow]" : "");
    }

    /** Builds a {@link FlowRate}. */
    public static final class Builder {
        private final FlowEntry entry;
        private double rateBps;
        private double packetsPerSecond;
        private double intervalMillis;
        private long fromMillis;
        private long toMillis;
        private boolean wrapped;

        private Builder(FlowEntry entry) {
            this.entry = entry;
        }

        /** @param bps bits per second, @param pps packets per second; both >= 0 */
        public Builder rates(double bps, double pps) {
            this.rateBps = bps;
            this.packetsPerSecond = pps;
            return this;
        }

        /**
         * @param from receive time of the earlier reading, @param to of the later one (milliseconds)
         * @param millis the interval the rates average over, > 0
         */
        public Builder interval(long from, long to, double millis) {
            this.fromMillis = from;
            this.toMillis = to;
            this.intervalMillis = millis;
            return this;
        }

        /** @param didWrap whether a counter wrapped at 2^64 */
        public Builder wrapped(boolean didWrap) {
            this.wrapped = didWrap;
            return this;
        }

        /**
         * @return the immutable rate
         * @throws IllegalArgumentException if a rate is negative or NaN or the interval is not positive
         */
        public FlowRate build() {
            return new FlowRate(this);
        }
    }
}
