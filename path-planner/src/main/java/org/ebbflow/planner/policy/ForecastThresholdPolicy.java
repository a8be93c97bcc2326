package org.ebbflow.planner.policy;

import java.util.Objects;

/**
 * ebbflow's policy: sizes each group of interchangeable switches (pod aggregation, cores, spines; cables elsewhere)
 * for the largest forecast upper bound over the wake lead time, with a hysteresis band between low and high water and
 * a minimum dwell time, so capacity is awake before a surge arrives and nothing flaps on noise (see
 * {@link ThresholdEngine} for the rules and {@link PolicySettings} for the defaults). A group's forecast is the sum
 * of its links' means plus the root-sum-square of their bounds' margins over the means: the bound of a sum of
 * independent errors, rather than the sum of the links' upper bounds, which would assume every link at its 95th
 * percentile at once. The lead time is the largest
 * wake latency of the network's switch models plus one decision period; the forecast's horizon must reach it. Without
 * a forecast in the input, the current loads stand in for it; with one, each link's load is the larger of its
 * forecast upper bound and its current measured rate (when known), so a surge the forecast missed still wakes
 * capacity at once. O(S + L + series × lead steps).
 */
public final class ForecastThresholdPolicy implements PowerPolicy {
    /** The policy's name. */
    public static final String NAME = "forecast-threshold";

    private final PolicySettings settings;
    private final ThresholdEngine engine;

    /** The policy with default settings. */
    public ForecastThresholdPolicy() {
        this(PolicySettings.defaults());
    }

    /** @param settings thresholds and timings */
    public ForecastThresholdPolicy(PolicySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = new ThresholdEngine(settings.lowWater(), settings.highWater(), settings.minDwellMillis(),
                settings.redundancy());
    }

    /** @return the settings */
    public PolicySettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PowerDecision decide(PolicyInput input) {
        long lead = settings.wakeLeadMillis(input.power().maxWakeLatencyMillis());
        LinkLoads loads = input.forecastLoads(lead);
        LinkLoads means = input.forecastMeans(lead);
        if (input.forecast() != null && input.currentLoads() != null) {
            // A surge no forecast saw coming: what is measured now already counts, so a group whose measured load
            // crosses high water grows this cycle instead of waiting for the forecast window to catch up. The means
            // are raised too, so a group's sum never falls below what its links carry now.
            loads = loads.atLeast(input.currentLoads());
            means = means.atLeast(input.currentLoads());
        }
        return engine.decide(input, loads, means, NAME, lead).build();
    }

    @Override
    public String toString() {
        return NAME + settings;
    }
}
