package org.ebbflow.flowstats;

/** What became of one counter sample. Only {@link #ACCEPTED} produces a rate. */
public enum SampleOutcome {
    /** A rate was produced. */
    ACCEPTED(true),
    /** The first sample of a port: it becomes the baseline, no rate yet. */
    BASELINE(true),
    /** Counters or the switch's port duration went back (reboot, port re-created): a new epoch starts, no rate. */
    RESET(true),
    /** The same reading as the last one, delivered again: dropped. */
    DUPLICATE(false),
    /** Not after the last accepted sample (late delivery, or a timestamp going backwards): dropped. */
    OUT_OF_ORDER(false),
    /** The port is not registered: rejected. */
    UNKNOWN_PORT(false),
    /** A counter is negative in a signed source: rejected. */
    NEGATIVE_COUNTER(false),
    /** The implied rate exceeds the port's capacity: rejected, and the sample starts a new epoch so no spike follows. */
    INCONSISTENT(false);

    private final boolean kept;

    SampleOutcome(boolean kept) {
        this.kept = kept;
    }

    /** @return true if the sample was kept as the port's latest reading */
    public boolean isKept() {
        return kept;
    }
}
