package org.ebbflow.flowstats.features;

/**
 * One input channel of a model, per step of the fine grid. The traffic features are the four of the method; the time
 * encodings place a step on the daily and weekly cycle without a discontinuity at midnight or at the week's end.
 *
 * <p>For a port, "in" is what the port received and "out" what it transmitted. For a directed link from a source
 * port to a destination port, "out" is the source port's transmit series and "in" the destination port's receive
 * series (see {@link FeatureExtractor#links}).
 */
public enum Feature {
    /** Bytes received during the step: the in-rate times the step in seconds, divided by 8. */
    BYTES_IN(true, true),
    /** Bytes transmitted during the step: the out-rate times the step in seconds, divided by 8. */
    BYTES_OUT(true, false),
    /** Average receive rate over the step, in bits per second. */
    RATE_IN_BPS(true, true),
    /** Average transmit rate over the step, in bits per second. */
    RATE_OUT_BPS(true, false),
    /** sin(2π · seconds since local midnight / 86,400) at the step's start: 0 at midnight, 1 at 06:00. */
    TIME_OF_DAY_SIN(false, false),
    /** cos(2π · seconds since local midnight / 86,400) at the step's start: 1 at midnight, 0 at 06:00. */
    TIME_OF_DAY_COS(false, false),
    /** sin(2π · d / 7) for the step's start day d, Monday = 0 .. Sunday = 6: 0 on Monday. */
    DAY_OF_WEEK_SIN(false, false),
    /** cos(2π · d / 7) for the step's start day d, Monday = 0 .. Sunday = 6: 1 on Monday. */
    DAY_OF_WEEK_COS(false, false);

    private final boolean traffic;
    private final boolean inbound;

    Feature(boolean traffic, boolean inbound) {
        this.traffic = traffic;
        this.inbound = inbound;
    }

    /** @return true for the four traffic features (measured, may be missing), false for the time encodings */
    public boolean isTraffic() {
        return traffic;
    }

    /** @return true for the receive-direction traffic features; false for transmit and time encodings */
    public boolean isInbound() {
        return inbound;
    }

    /** @return true for the two byte-volume features */
    public boolean isBytes() {
        return this == BYTES_IN || this == BYTES_OUT;
    }

    /** @return true for the time-of-day encodings (false for day-of-week and traffic) */
    public boolean isTimeOfDay() {
        return this == TIME_OF_DAY_SIN || this == TIME_OF_DAY_COS;
    }

    /**
     * The feature's value for a step from its rate, for the traffic features.
     *
     * @param bps the step's rate in bits per second (NaN if unobserved)
     * @param stepSeconds the step length in seconds
     * @return bytes per step for the byte features, the rate itself for the rate features
     */
    double fromRate(double bps, double stepSeconds) {
        return isBytes() ? bps * stepSeconds / 8.0 : bps;
    }
}
