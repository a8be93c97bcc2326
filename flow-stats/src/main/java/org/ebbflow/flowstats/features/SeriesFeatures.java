package org.ebbflow.flowstats.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Feature windows from one rate series held in plain arrays, for training and evaluating from files: single windows,
 * sliding windows with a stride, and forecast targets for horizons 1..H. Produces the same values as a
 * {@link FeatureExtractor} reading the same rates from a store.
 *
 * <p>The series lies on the spec's step grid: value {@code i} is the average rate over fine step
 * {@code firstStep + i}, that is over {@code [(firstStep + i) * step, (firstStep + i + 1) * step)} milliseconds since
 * the epoch. NaN marks an unobserved step. Series sampled irregularly are resampled first (the
 * {@link org.ebbflow.flowstats.SeriesStore} does it by time-weighted averaging; see
 * {@link org.ebbflow.flowstats.io.AlibabaMachineUsageReader}). Immutable.
 */
public final class SeriesFeatures {
    private final FeatureSpec spec;
    private final String label;
    private final long firstStep;
    private final float[] rx;
    private final float[] tx;
    private final TimeEncoder time;

    private SeriesFeatures(FeatureSpec spec, String label, long firstStep, float[] rx, float[] tx) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.label = Objects.requireNonNull(label, "label");
        this.firstStep = firstStep;
        this.rx = rx;
        this.tx = tx;
        this.time = new TimeEncoder(spec.stepMillis(), spec.zone());
    }

    /**
     * A series with one value per step from {@code startMillis}.
     *
     * @param startMillis start of the first step, a multiple of the spec's step (epoch milliseconds)
     * @param rxBps receive rates in bits per second, NaN where unobserved
     * @param txBps transmit rates, same length; null if the source has one direction only (its features read NaN)
     * @throws IllegalArgumentException if the start is off the grid or the lengths differ
     */
    public static SeriesFeatures regular(FeatureSpec spec, String label, long startMillis, double[] rxBps,
                                         double[] txBps) {
        if (Math.floorMod(startMillis, spec.stepMillis()) != 0) {
            throw new IllegalArgumentException(label + ": start " + startMillis + " ms is not on the "
                    + spec.stepMillis() + " ms grid");
        }
        if (txBps != null && txBps.length != rxBps.length) {
            throw new IllegalArgumentException(label + ": " + rxBps.length + " receive but " + txBps.length
                    + " transmit rates");
        }
        float[] r = new float[rxBps.length];
        float[] t = new float[rxBps.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) rxBps[i];
            t[i] = txBps == null ? Float.NaN : (float) txBps[i];
        }
        return new SeriesFeatures(spec, label, Math.floorDiv(startMillis, spec.stepMillis()), r, t);
    }

    /**
     * A series given as (step start, rates) pairs; steps between them with no pair are unobserved (NaN).
     *
     * @param stepStartMillis the start of each value's step, on the spec's grid and strictly increasing
     * @param rxBps receive rates in bits per second, one per timestamp
     * @param txBps transmit rates, likewise; null for a one-direction source
     * @throws IllegalArgumentException if a timestamp is off the grid or not after the previous one, or the lengths
     *         differ; the message names the index
     */
    public static SeriesFeatures fromTimestamps(FeatureSpec spec, String label, long[] stepStartMillis,
                                                double[] rxBps, double[] txBps) {
        int n = stepStartMillis.length;
        if (rxBps.length != n || (txBps != null && txBps.length != n)) {
            throw new IllegalArgumentException(label + ": timestamps and rates differ in length");
        }
        long step = spec.stepMillis();
        if (n == 0) {
            return new SeriesFeatures(spec, label, 0, new float[0], new float[0]);
        }
        for (int i = 0; i < n; i++) {
            if (Math.floorMod(stepStartMillis[i], step) != 0) {
                throw new IllegalArgumentException(label + ": timestamp " + i + " (" + stepStartMillis[i]
                        + " ms) is not on the " + step + " ms grid");
            }
            if (i > 0 && stepStartMillis[i] <= stepStartMillis[i - 1]) {
                throw new IllegalArgumentException(label + ": timestamp " + i + " (" + stepStartMillis[i]
                        + " ms) is not after the previous one (" + stepStartMillis[i - 1] + " ms)");
            }
        }
        long first = Math.floorDiv(stepStartMillis[0], step);
        long length = Math.floorDiv(stepStartMillis[n - 1], step) - first + 1;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(label + ": series spans too many steps: " + length);
        }
        float[] r = new float[(int) length];
        float[] t = new float[(int) length];
        Arrays.fill(r, Float.NaN);
        Arrays.fill(t, Float.NaN);
        for (int i = 0; i < n; i++) {
            int at = (int) (Math.floorDiv(stepStartMillis[i], step) - first);
            r[at] = (float) rxBps[i];
            t[at] = txBps == null ? Float.NaN : (float) txBps[i];
        }
        return new SeriesFeatures(spec, label, first, r, t);
    }

    /** @return the spec */
    public FeatureSpec spec() {
        return spec;
    }

    /** @return the series' label, carried into its windows */
    public String label() {
        return label;
    }

    /** @return the fine step of the first value */
    public long firstStep() {
        return firstStep;
    }

    /** @return the step after the last value (exclusive end) */
    public long endStep() {
        return firstStep + rx.length;
    }

    /** @return the number of steps */
    public int length() {
        return rx.length;
    }

    /** @return the receive rate at a fine step in bits per second, NaN if unobserved or outside the series */
    public float rxBps(long step) {
        return valueAt(rx, step);
    }

    /** @return the transmit rate at a fine step in bits per second, NaN if unobserved or outside the series */
    public float txBps(long step) {
        return valueAt(tx, step);
    }

    private float valueAt(float[] a, long step) {
        long i = step - firstStep;
        return i < 0 || i >= a.length ? Float.NaN : a[(int) i];
    }

    /**
     * @param endStep the first step after the window (exclusive); steps outside the series read NaN
     * @return a batch of one window
     */
    public FeatureWindow window(long endStep, MissingPolicy policy) {
        return windows(new long[] {endStep}, policy);
    }

    /** @return a batch of windows ending at the given steps (exclusive ends), in that order */
    public FeatureWindow windows(long[] endSteps, MissingPolicy policy) {
        Batch batch = new Batch(endSteps.length, 0, null, policy);
        for (long e : endSteps) {
            batch.add(e, false);
        }
        return batch.window();
    }

    /**
     * Sliding windows with their forecast targets, for training. Window ends run from the first step at which the
     * window and its largest lag lie inside the series, by {@code stride}, to the last one whose horizon still lies
     * inside it. Target {@code h} (1..H) of a window ending (exclusively) at {@code e} is the target feature at step
     * {@code e + h - 1}; targets are never filled.
     *
     * @param stride steps between consecutive window ends, at least 1
     * @param horizon H, at least 1
     * @param targets traffic features to forecast, in target order
     * @param skipIncomplete if true, windows with a NaN left in an input (after the policy) or a target are left out
     * @throws IllegalArgumentException if stride or horizon is below 1, or a target is not a traffic feature
     */
    public SlidingWindows sliding(int stride, int horizon, List<Feature> targets, MissingPolicy policy,
                                  boolean skipIncomplete) {
        if (stride < 1 || horizon < 1) {
            throw new IllegalArgumentException("stride and horizon must be at least 1: " + stride + ", " + horizon);
        }
        Feature[] tf = targets.toArray(new Feature[0]);
        if (tf.length == 0) {
            throw new IllegalArgumentException("at least one target feature");
        }
        for (Feature f : tf) {
            if (!f.isTraffic()) {
                throw new IllegalArgumentException("targets must be traffic features: " + f);
            }
        }
        long firstEnd = firstStep + spec.windowSteps() + spec.maxLag();
        long lastEnd = endStep() - horizon;
        int n = lastEnd < firstEnd ? 0 : (int) ((lastEnd - firstEnd) / stride + 1);
        Batch batch = new Batch(n, horizon, tf, policy);
        for (long e = firstEnd; e <= lastEnd; e += stride) {
            batch.add(e, skipIncomplete);
        }
        return new SlidingWindows(batch.window(), batch.targets(), horizon, new ArrayList<>(Arrays.asList(tf)));
    }

    /** Accumulates windows (and targets) into batch arrays, reusing one set of step-sized scratch arrays. */
    private final class Batch {
        private final int w = spec.windowSteps();
        private final int lags = spec.lagCount();
        private final int horizon;
        private final Feature[] targetFeatures;
        private final WindowAssembler assembler;
        private final float[] out;
        private final boolean[] missing;
        private final int[] filled;
        private final int[] nan;
        private final long[] ends;
        private final float[] targets;
        private final float[] timeTable = new float[w * TimeEncoder.WIDTH];
        private final float[] wRx = new float[w];
        private final float[] wTx = new float[w];
        private final float[][] lagRx = new float[lags][w];
        private final float[][] lagTx = new float[lags][w];
        private int size;

        Batch(int capacity, int horizon, Feature[] targetFeatures, MissingPolicy policy) {
            this.horizon = horizon;
            this.targetFeatures = targetFeatures;
            this.assembler = new WindowAssembler(spec, policy);
            this.out = new float[capacity * w * spec.channelCount()];
            this.missing = new boolean[capacity * w];
            this.filled = new int[capacity];
            this.nan = new int[capacity];
            this.ends = new long[capacity];
            this.targets = new float[targetFeatures == null ? 0 : capacity * horizon * targetFeatures.length];
        }

        void add(long endStep, boolean skipIncomplete) {
            copy(endStep - w, wRx, wTx);
            for (int l = 0; l < lags; l++) {
                copy(endStep - w - spec.lagSteps(l), lagRx[l], lagTx[l]);
            }
            time.fill(endStep - w, w, timeTable);
            assembler.write(size, wRx, wTx, lagRx, lagTx, timeTable, out, missing, filled, nan);
            boolean complete = nan[size] == 0;
            if (targetFeatures != null) {
                double stepSeconds = spec.stepMillis() / 1000.0;
                int k = targetFeatures.length;
                for (int h = 0; h < horizon; h++) {
                    long s = endStep + h;
                    for (int j = 0; j < k; j++) {
                        Feature f = targetFeatures[j];
                        float v = (float) f.fromRate(f.isInbound() ? rxBps(s) : txBps(s), stepSeconds);
                        targets[(size * horizon + h) * k + j] = v;
                        complete &= !Float.isNaN(v);
                    }
                }
            }
            ends[size] = endStep;
            if (complete || !skipIncomplete) {
                size++; // otherwise the next window overwrites this slot
            }
        }

        private void copy(long from, float[] r, float[] t) {
            for (int i = 0; i < w; i++) {
                r[i] = rxBps(from + i);
                t[i] = txBps(from + i);
            }
        }

        FeatureWindow window() {
            int per = w * spec.channelCount();
            int[] ports = new int[size];
            Arrays.fill(ports, -1);
            String[] labels = new String[size];
            Arrays.fill(labels, label);
            return new FeatureWindow(spec, size, Arrays.copyOf(out, size * per), ports, ports.clone(), labels,
                    Arrays.copyOf(ends, size), Arrays.copyOf(missing, size * w), Arrays.copyOf(filled, size),
                    Arrays.copyOf(nan, size));
        }

        float[] targets() {
            return Arrays.copyOf(targets, size * horizon * targetFeatures.length);
        }
    }
}
