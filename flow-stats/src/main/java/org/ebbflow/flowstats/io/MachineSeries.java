package org.ebbflow.flowstats.io;

import java.util.Collections;
import java.util.Objects;
import org.ebbflow.flowstats.RateSink;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.flowstats.SeriesTier;

/**
 * One machine's network counters from a trace: the kept samples in time order and the rates between them.
 *
 * <p><b>Samples</b> are the rows that passed every check, sorted by time: timestamp in seconds, the cumulative
 * {@code net_in} and {@code net_out} values as in the file, and an epoch number that starts at 0 and grows by one at
 * each reset (a counter going back). <b>Intervals</b> join consecutive samples of one epoch: from and to in seconds,
 * the average rates in the counters' units per second ({@code Δvalue / Δt}), and {@link RateSink} flags
 * ({@link RateSink#GAP} when longer than the reader's gap threshold). No interval spans a reset, so no rate is ever
 * negative. Immutable: arrays are copied on the way out.
 */
public final class MachineSeries {
    private final String machine;
    private final long[] timeSeconds;
    private final double[] netIn;
    private final double[] netOut;
    private final int[] epoch;
    private final long[] fromSeconds;
    private final long[] toSeconds;
    private final double[] inPerSecond;
    private final double[] outPerSecond;
    private final int[] flags;

    MachineSeries(String machine, long[] timeSeconds, double[] netIn, double[] netOut, int[] epoch,
                  long[] fromSeconds, long[] toSeconds, double[] inPerSecond, double[] outPerSecond, int[] flags) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.timeSeconds = timeSeconds;
        this.netIn = netIn;
        this.netOut = netOut;
        this.epoch = epoch;
        this.fromSeconds = fromSeconds;
        this.toSeconds = toSeconds;
        this.inPerSecond = inPerSecond;
        this.outPerSecond = outPerSecond;
        this.flags = flags;
    }

    /** @return the machine id, e.g. {@code m_1932} */
    public String machine() {
        return machine;
    }

    /** @return the number of kept samples */
    public int sampleCount() {
        return timeSeconds.length;
    }

    /** @return the kept samples' timestamps in seconds, ascending */
    public long[] timeSeconds() {
        return timeSeconds.clone();
    }

    /** @return the kept samples' cumulative {@code net_in} values, in the file's units */
    public double[] netIn() {
        return netIn.clone();
    }

    /** @return the kept samples' cumulative {@code net_out} values, in the file's units */
    public double[] netOut() {
        return netOut.clone();
    }

    /** @return each kept sample's epoch: 0 until the first reset, then one more per reset */
    public int[] epochs() {
        return epoch.clone();
    }

    /** @return the number of resets (counters going back) */
    public int resets() {
        return epoch.length == 0 ? 0 : epoch[epoch.length - 1];
    }

    /** @return the number of rate intervals */
    public int intervalCount() {
        return fromSeconds.length;
    }

    /** @return each interval's start in seconds */
    public long[] fromSeconds() {
        return fromSeconds.clone();
    }

    /** @return each interval's end in seconds */
    public long[] toSeconds() {
        return toSeconds.clone();
    }

    /** @return each interval's average {@code net_in} rate in the file's units per second, never negative */
    public double[] inPerSecond() {
        return inPerSecond.clone();
    }

    /** @return each interval's average {@code net_out} rate in the file's units per second, never negative */
    public double[] outPerSecond() {
        return outPerSecond.clone();
    }

    /** @return each interval's {@link RateSink} flags */
    public int[] flags() {
        return flags.clone();
    }

    /**
     * Resamples the rates onto a fixed grid by time-weighted averaging, through a {@link SeriesStore} (which spreads
     * each interval over the steps it overlaps): a step's value is the average rate over the part of it that some
     * interval covered, NaN if none did (before the first sample, across a reset, or across an interval left out).
     *
     * @param stepMillis the grid's step in milliseconds; steps start at multiples of it from time 0
     * @param maxIntervalMillis intervals longer than this are left out, so that hours without a sample become NaN
     *                          steps rather than a flat average; {@link Long#MAX_VALUE} keeps all
     * @return the series on the grid, empty if there are no intervals
     */
    public ResampledSeries resample(long stepMillis, long maxIntervalMillis) {
        if (stepMillis <= 0 || maxIntervalMillis <= 0) {
            throw new IllegalArgumentException("step and longest interval must be positive");
        }
        if (fromSeconds.length == 0) {
            return new ResampledSeries(machine, stepMillis, 0, new double[0], new double[0]);
        }
        long firstStep = Math.floorDiv(fromSeconds[0] * 1000, stepMillis);
        long endMillis = toSeconds[toSeconds.length - 1] * 1000;
        long endStep = Math.floorDiv(endMillis - 1, stepMillis) + 1;
        long n = endStep - firstStep;
        if (n > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException(machine + ": " + n + " steps of " + stepMillis + " ms are too many");
        }
        SeriesStore store = new SeriesStore(Collections.singletonList(SeriesTier.of(stepMillis, (int) n)));
        for (int i = 0; i < fromSeconds.length; i++) {
            long from = fromSeconds[i] * 1000;
            long to = toSeconds[i] * 1000;
            if (to - from <= maxIntervalMillis) {
                store.onRate(0, from, to, inPerSecond[i], outPerSecond[i], 0, flags[i]);
            }
        }
        store.completeStepsBefore(endStep * stepMillis);
        float[] in = new float[(int) n];
        float[] out = new float[(int) n];
        store.read(0, 0, endStep, (int) n, in, out, 0);
        double[] inD = new double[in.length];
        double[] outD = new double[out.length];
        for (int i = 0; i < in.length; i++) {
            inD[i] = in[i];
            outD[i] = out[i];
        }
        return new ResampledSeries(machine, stepMillis, firstStep, inD, outD);
    }

    @Override
    public String toString() {
        return machine + ": " + timeSeconds.length + " samples, " + fromSeconds.length + " intervals, " + resets()
                + " resets";
    }
}
