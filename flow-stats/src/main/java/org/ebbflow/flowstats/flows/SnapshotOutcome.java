package org.ebbflow.flowstats.flows;

/** What became of one {@link FlowTableSnapshot} fed to a {@link FlowRateTracker}. */
public enum SnapshotOutcome {
    /** Kept: its entries became the switch's latest readings (see {@link FlowOutcome} per entry). */
    ACCEPTED,
    /** The same table delivered again (same receive time, or same non-empty readings with unchanged durations). */
    DUPLICATE,
    /** Received no later than the switch's last kept snapshot (late delivery, clock going back): dropped. */
    OUT_OF_ORDER
}
