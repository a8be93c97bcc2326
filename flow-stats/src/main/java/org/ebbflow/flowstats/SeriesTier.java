package org.ebbflow.flowstats;

/** One resolution of a {@link SeriesStore}: a step length and how many steps each port keeps. Immutable. */
public final class SeriesTier {
    private final long stepMillis;
    private final int length;

    private SeriesTier(long stepMillis, int length) {
        if (stepMillis <= 0 || length <= 0) {
            throw new IllegalArgumentException("tier step and length must be positive: " + stepMillis + "x" + length);
        }
        this.stepMillis = stepMillis;
        this.length = length;
    }

    /** @return a tier of {@code length} steps of {@code stepMillis} milliseconds */
    public static SeriesTier of(long stepMillis, int length) {
        return new SeriesTier(stepMillis, length);
    }

    /** @return the step length in milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the number of steps kept per port */
    public int length() {
        return length;
    }

    /** @return the time span the tier covers, in milliseconds */
    public long spanMillis() {
        return stepMillis * length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesTier && ((SeriesTier) o).stepMillis == stepMillis && ((SeriesTier) o).length == length;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(stepMillis) * 31 + length;
    }

    @Override
    public String toString() {
        return stepMillis + "ms x " + length;
    }
}
