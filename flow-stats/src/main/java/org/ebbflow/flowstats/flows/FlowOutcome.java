package org.ebbflow.flowstats.flows;

/** What became of one flow entry of an accepted {@link FlowTableSnapshot}. Only {@link #RATE} produces a rate. */
public enum FlowOutcome {
    /** A rate was produced from this reading and the flow's previous one. */
    RATE,
    /** First sight of the flow (new, or back after having been missing): its baseline, no rate yet. */
    BASELINE,
    /**
     * The flow was re-installed since the last reading (its duration went back or is shorter than the time that
     * passed, or its counters went back without a plausible 64-bit wrap): a new epoch starts, no rate, no spike.
     */
    NEW_EPOCH,
    /** The implied rate is above the tracker's plausible maximum: no rate, and a new epoch starts from here. */
    IMPLAUSIBLE,
    /** The flow was in the previous snapshot but not in this one: it is forgotten. */
    REMOVED
}
