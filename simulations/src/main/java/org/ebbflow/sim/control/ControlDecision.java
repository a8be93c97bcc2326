package org.ebbflow.sim.control;

import java.util.BitSet;
import java.util.Objects;

import org.ebbflow.predictor.Forecast;

/**
 * What a policy wants after one control cycle, in the indices of the snapshot it was given: the switches and the
 * directed links that should be awake (the rest asleep), and the routing. A null set means "no change". A cable
 * counts as awake if either direction is. Optionally the forecast the policy decided from, for the report's
 * forecast-against-actual plot. Immutable (sets are copied in and out).
 */
public final class ControlDecision {
    private static final ControlDecision KEEP_ALL = builder().build();

    private final BitSet awakeSwitches;
    private final BitSet awakeLinks;
    private final RoutingPlan routing;
    private final Forecast forecast;
    private final int[] forecastLinks;

    private ControlDecision(Builder b) {
        this.awakeSwitches = b.awakeSwitches == null ? null : (BitSet) b.awakeSwitches.clone();
        this.awakeLinks = b.awakeLinks == null ? null : (BitSet) b.awakeLinks.clone();
        this.routing = b.routing;
        this.forecast = b.forecast;
        this.forecastLinks = b.forecastLinks == null ? null : b.forecastLinks.clone();
    }

    /** @return a decision that changes nothing */
    public static ControlDecision keepAll() {
        return KEEP_ALL;
    }

    /** @return a builder: no power change, routing unchanged */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the switches to keep or make awake (snapshot indices), or null for no change */
    public BitSet awakeSwitches() {
        return awakeSwitches == null ? null : (BitSet) awakeSwitches.clone();
    }

    /** @return the directed links to keep or make awake (snapshot indices), or null for no change */
    public BitSet awakeLinks() {
        return awakeLinks == null ? null : (BitSet) awakeLinks.clone();
    }

    /** @return the routing wanted from the next step on */
    public RoutingPlan routing() {
        return routing;
    }

    /** @return the forecast the policy decided from, or null */
    public Forecast forecast() {
        return forecast;
    }

    /** @return per forecast series, the snapshot link it forecasts (its transmit rate), or null */
    public int[] forecastLinks() {
        return forecastLinks == null ? null : forecastLinks.clone();
    }

    /** @return true if it changes neither power states nor routing */
    public boolean changesNothing() {
        return awakeSwitches == null && awakeLinks == null && routing.kind() == RoutingPlan.Kind.UNCHANGED;
    }

    @Override
    public String toString() {
        return "ControlDecision{switches " + (awakeSwitches == null ? "unchanged" : awakeSwitches.cardinality()
                + " awake") + ", links " + (awakeLinks == null ? "unchanged" : awakeLinks.cardinality() + " awake")
                + ", routing " + routing + "}";
    }

    /** Assembles a decision. */
    public static final class Builder {
        private BitSet awakeSwitches;
        private BitSet awakeLinks;
        private RoutingPlan routing = RoutingPlan.unchanged();
        private Forecast forecast;
        private int[] forecastLinks;

        private Builder() {
        }

        /** @param switches the switches that should be awake, snapshot indices; null = no change */
        public Builder awakeSwitches(BitSet switches) {
            this.awakeSwitches = switches;
            return this;
        }

        /** @param links the directed links that should be awake, snapshot indices; null = no change */
        public Builder awakeLinks(BitSet links) {
            this.awakeLinks = links;
            return this;
        }

        /** @param plan the routing from the next step on */
        public Builder routing(RoutingPlan plan) {
            this.routing = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /**
         * @param f the forecast decided from
         * @param links per series of {@code f}, the snapshot link it forecasts
         */
        public Builder forecast(Forecast f, int[] links) {
            if (f != null && (links == null || links.length != f.batch())) {
                throw new IllegalArgumentException("need one link per forecast series");
            }
            this.forecast = f;
            this.forecastLinks = links;
            return this;
        }

        /** @return the decision */
        public ControlDecision build() {
            return new ControlDecision(this);
        }
    }
}
