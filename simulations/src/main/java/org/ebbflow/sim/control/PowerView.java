package org.ebbflow.sim.control;

/**
 * The power states an actuator commanded, in the indices of the cycle's snapshot: what a controller knows beyond the
 * topology (which shows a waking switch as asleep until it reconnects).
 */
public interface PowerView {
    /** A commanded power state. */
    enum State {
        /** On and forwarding. */
        AWAKE,
        /** Off (or in standby). */
        ASLEEP,
        /** Told to wake; forwarding from {@link #readyAtMillis}. */
        WAKING
    }

    /** @return the state of switch s */
    State switchState(int s);

    /** @return the state of the cable of directed link l */
    State linkState(int l);

    /** @return when switch s forwards again (its wake time), or {@link Long#MIN_VALUE} if it is not waking */
    long switchReadyAtMillis(int s);

    /** @return the wake latency the actuator applies, milliseconds */
    long wakeLatencyMillis();
}
