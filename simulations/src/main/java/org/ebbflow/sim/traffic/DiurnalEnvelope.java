package org.ebbflow.sim.traffic;

/**
 * A day/night multiplier on the load: {@code 1 - a·cos(2π(hour - troughHour)/24)} with {@code a = (r-1)/(r+1)}, so
 * the peak is {@code r} times the trough (Roy et al., SIGCOMM 2015: about 2×) and the mean over a day is 1. Time of
 * day is UTC. Immutable.
 */
public final class DiurnalEnvelope {
    /** The default peak-to-trough ratio. */
    public static final double DEFAULT_RATIO = 2.0;
    /** The default hour of the trough (UTC); the peak is 12 hours later. */
    public static final double DEFAULT_TROUGH_HOUR = 4.0;

    private static final double DAY_MILLIS = 86_400_000.0;
    private static final DiurnalEnvelope FLAT = new DiurnalEnvelope(1, DEFAULT_TROUGH_HOUR);

    private final double ratio;
    private final double troughHour;
    private final double amplitude;

    private DiurnalEnvelope(double ratio, double troughHour) {
        if (!(ratio >= 1) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("diurnal ratio must be finite and at least 1: " + ratio);
        }
        this.ratio = ratio;
        this.troughHour = troughHour;
        this.amplitude = (ratio - 1) / (ratio + 1);
    }

    /**
     * @param ratio peak over trough, at least 1 (1 = flat)
     * @param troughHour hour of day of the trough, UTC
     */
    public static DiurnalEnvelope of(double ratio, double troughHour) {
        return new DiurnalEnvelope(ratio, troughHour);
    }

    /** @return the envelope that is 1 at every time */
    public static DiurnalEnvelope flat() {
        return FLAT;
    }

    /** @return the peak-to-trough ratio */
    public double ratio() {
        return ratio;
    }

    /** @return the multiplier at {@code epochMillis} (mean 1 over a day) */
    public double factor(long epochMillis) {
        if (amplitude == 0) {
            return 1;
        }
        double hours = Math.floorMod(epochMillis, (long) DAY_MILLIS) / 3_600_000.0;
        return 1 - amplitude * Math.cos(2 * Math.PI * (hours - troughHour) / 24.0);
    }

    /** @return the largest multiplier, at the peak */
    public double peak() {
        return 1 + amplitude;
    }
}
