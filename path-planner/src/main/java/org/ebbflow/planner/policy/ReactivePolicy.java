package org.ebbflow.planner.policy;

/**
 * The ElasticTree-style baseline (Heller et al., NSDI 2010): sizes the fabric for the load measured now, with no
 * forecast, no hysteresis band, no dwell and no lead time; everything else is optional, so a router packs the current
 * demands onto as few elements as it can. On fat-trees and leaf-spines this is the topology-aware heuristic on port
 * counters (see {@link ThresholdEngine}) at one target utilisation; elsewhere it keeps the floor plus the cables
 * loaded above the target. It reads {@link PolicyInput#currentLoads()}. O(S + L).
 */
public final class ReactivePolicy implements PowerPolicy {
    /** The policy's name. */
    public static final String NAME = "reactive";
    /** Default target utilisation: the high water of {@link PolicySettings}, so only the forecast differs. */
    public static final double DEFAULT_TARGET = PolicySettings.DEFAULT_HIGH_WATER;

    private final double target;
    private final ThresholdEngine engine;

    /** A reactive policy with the default target and no spare paths. */
    public ReactivePolicy() {
        this(DEFAULT_TARGET, 0);
    }

    /**
     * @param target utilisation the awake capacity is sized to, in (0, 1]
     * @param redundancy spare paths beyond connectivity
     */
    public ReactivePolicy(double target, int redundancy) {
        if (!(target > 0 && target <= 1) || redundancy < 0) {
            throw new IllegalArgumentException("target must be in (0, 1] and redundancy not negative");
        }
        this.target = target;
        this.engine = new ThresholdEngine(target, target, 0, redundancy);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PowerDecision decide(PolicyInput input) {
        return engine.decide(input, input.currentLoads(), null, NAME, 0).build();
    }

    @Override
    public String toString() {
        return NAME + "{target " + target + "}";
    }
}
