package org.ebbflow.flowstats;

/** How a source's counters behave, which decides what a decrease means and whether a negative value is legal. */
public enum CounterSemantics {
    /** OpenFlow: unsigned 64-bit counters that may wrap at 2^64; a decrease near the top is a wrap. */
    UNSIGNED_64,
    /** Signed sources (ONOS statistics, files): a negative value is corrupt and a decrease is always a reset. */
    SIGNED
}
