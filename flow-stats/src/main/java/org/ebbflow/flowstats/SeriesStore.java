package org.ebbflow.flowstats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A bounded, in-memory store of per-port receive and transmit rates on a fixed time grid, in primitive arrays.
 *
 * <p>The first tier is the fine grid (one step per polling interval). Each rate interval a {@link CounterTracker}
 * reports is spread over the steps it overlaps, weighted by overlap, so polling jitter neither leaves holes nor
 * doubles a step; a step's value is the average rate over the part of it that was observed. A step nothing observed
 * (the interval of a reset, a port never polled) holds NaN and the {@link #MISSING} flag: a marked gap, never a zero.
 * Coarser tiers keep the mean of the fine steps they contain, for longer history at less memory.
 *
 * <p>Thread-safe: writes and reads synchronise on the store.
 */
public final class SeriesStore implements RateSink {
    /** Step flag: nothing observed this step; values are NaN. */
    public static final int MISSING = 8;

    private final List<SeriesTier> tiers;
    private final long fineStep;
    private final int fineLength;

    // Fine tier, per port: ring buffers of rates and flags, the pending (partially observed) step's accumulators.
    private float[][] fineRx = new float[0][];
    private float[][] fineTx = new float[0][];
    private byte[][] fineFlags = new byte[0][];
    private long[] lastFineStep = new long[0];
    private long[] pendingStep = new long[0];
    private double[] pendingRxBits = new double[0];
    private double[] pendingTxBits = new double[0];
    private double[] pendingMillis = new double[0];
    private byte[] pendingFlags = new byte[0];

    // Coarse tiers [tier - 1][port]: ring buffers of means and the number of fine steps in each mean.
    private final float[][][] coarseRx;
    private final float[][][] coarseTx;
    private final byte[][][] coarseCount;
    private final long[][] lastCoarseStep;

    /** @param tiers the fine tier first, then coarser ones whose steps are multiples of the fine step */
    public SeriesStore(List<SeriesTier> tiers) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a store needs at least one tier");
        }
        this.tiers = Collections.unmodifiableList(new ArrayList<>(tiers));
        this.fineStep = tiers.get(0).stepMillis();
        this.fineLength = tiers.get(0).length();
        for (SeriesTier t : tiers.subList(1, tiers.size())) {
            long ratio = t.stepMillis() / fineStep;
            if (t.stepMillis() % fineStep != 0 || ratio < 2 || ratio > 127) {
                throw new IllegalArgumentException("coarse step " + t.stepMillis() + " ms must be 2..127 fine steps of "
                        + fineStep + " ms");
            }
        }
        int coarse = tiers.size() - 1;
        coarseRx = new float[coarse][0][];
        coarseTx = new float[coarse][0][];
        coarseCount = new byte[coarse][0][];
        lastCoarseStep = new long[coarse][0];
    }

    /**
     * The default layout for a polling interval: 15 minutes at the polling step, one hour at one minute and 25 hours at
     * five minutes (for same-time-yesterday baselines). About 5 KB per port at a 5 s interval.
     */
    public static SeriesStore withDefaultTiers(long pollMillis) {
        return new SeriesStore(defaultTiers(pollMillis));
    }

    /** @return the default tiers for a polling interval (see {@link #withDefaultTiers}) */
    public static List<SeriesTier> defaultTiers(long pollMillis) {
        List<SeriesTier> t = new ArrayList<>();
        t.add(SeriesTier.of(pollMillis, (int) Math.max(12, 900_000 / pollMillis)));
        long minute = roundTo(60_000, pollMillis);
        long fiveMinutes = roundTo(300_000, pollMillis);
        if (minute / pollMillis >= 2 && minute / pollMillis <= 127) {
            t.add(SeriesTier.of(minute, (int) Math.max(1, 3_600_000 / minute)));
        }
        if (fiveMinutes / pollMillis >= 2 && fiveMinutes / pollMillis <= 127) {
            // 25 hours, so that "same step yesterday" plus a window still falls inside the tier.
            t.add(SeriesTier.of(fiveMinutes, (int) Math.max(1, 90_000_000 / fiveMinutes)));
        }
        return t;
    }

    private static long roundTo(long target, long step) {
        return Math.max(step, Math.round((double) target / step) * step);
    }

    /** @return the tiers, fine first */
    public List<SeriesTier> tiers() {
        return tiers;
    }

    /** @return the fine step index containing {@code millis} */
    public long fineStepOf(long millis) {
        return Math.floorDiv(millis, fineStep);
    }

    @Override
    public synchronized void onRate(int port, long fromMillis, long toMillis, double rxBps, double txBps, long dropped,
                                    int flags) {
        if (toMillis <= fromMillis) {
            return;
        }
        ensurePort(port);
        long first = Math.floorDiv(fromMillis, fineStep);
        long last = Math.floorDiv(toMillis - 1, fineStep);
        // An interval longer than the ring only matters for its last fineLength steps.
        long start = Math.max(first, last - fineLength);
        for (long s = start; s <= last; s++) {
            double overlap = Math.min(toMillis, (s + 1) * fineStep) - Math.max(fromMillis, s * fineStep);
            if (overlap <= 0) {
                continue;
            }
            if (s != pendingStep[port]) {
                if (s < pendingStep[port]) {
                    continue; // older than what is already being filled: intervals never overlap backwards
                }
                finishPending(port);
                pendingStep[port] = s;
            }
            pendingRxBits[port] += rxBps * overlap / 1000.0;
            pendingTxBits[port] += txBps * overlap / 1000.0;
            pendingMillis[port] += overlap;
            pendingFlags[port] |= (byte) flags;
        }
        // A step fully observed is final now rather than when the next interval arrives.
        if (toMillis % fineStep == 0 && pendingStep[port] == last) {
            finishPending(port);
            pendingStep[port] = last + 1;
        }
    }

    /**
     * Completes every port's pending step that ends at or before {@code nowMillis}, so that readers see it even if the
     * port's next sample never comes (switch asleep, poll lost). The control cycle calls this before reading.
     */
    public synchronized void completeStepsBefore(long nowMillis) {
        long current = Math.floorDiv(nowMillis, fineStep);
        for (int p = 0; p < pendingStep.length; p++) {
            if (pendingStep[p] != Long.MIN_VALUE && pendingStep[p] < current && pendingMillis[p] > 0) {
                finishPending(p);
                pendingStep[p] = current;
            }
        }
    }

    private void finishPending(int port) {
        long s = pendingStep[port];
        if (s == Long.MIN_VALUE || pendingMillis[port] <= 0) {
            return;
        }
        double seconds = pendingMillis[port] / 1000.0;
        writeFine(port, s, (float) (pendingRxBits[port] / seconds), (float) (pendingTxBits[port] / seconds),
                pendingFlags[port]);
        pendingRxBits[port] = 0;
        pendingTxBits[port] = 0;
        pendingMillis[port] = 0;
        pendingFlags[port] = 0;
    }

    private void writeFine(int port, long step, float rx, float tx, byte flags) {
        if (fineRx[port] == null) {
            fineRx[port] = new float[fineLength];
            fineTx[port] = new float[fineLength];
            fineFlags[port] = new byte[fineLength];
            Arrays.fill(fineRx[port], Float.NaN);
            Arrays.fill(fineTx[port], Float.NaN);
            Arrays.fill(fineFlags[port], (byte) MISSING);
            lastFineStep[port] = step - 1;
        }
        long prev = lastFineStep[port];
        if (step <= prev - fineLength) {
            return; // fell out of the ring already
        }
        for (long s = Math.max(prev + 1, step - fineLength + 1); s < step; s++) {
            int slot = slot(s, fineLength);
            fineRx[port][slot] = Float.NaN;
            fineTx[port][slot] = Float.NaN;
            fineFlags[port][slot] = MISSING;
        }
        int slot = slot(step, fineLength);
        fineRx[port][slot] = rx;
        fineTx[port][slot] = tx;
        fineFlags[port][slot] = flags;
        lastFineStep[port] = Math.max(prev, step);
        for (int t = 1; t < tiers.size(); t++) {
            writeCoarse(t - 1, port, step * fineStep / tiers.get(t).stepMillis(), rx, tx);
        }
    }

    private void writeCoarse(int c, int port, long step, float rx, float tx) {
        int len = tiers.get(c + 1).length();
        if (coarseRx[c][port] == null) {
            coarseRx[c][port] = new float[len];
            coarseTx[c][port] = new float[len];
            coarseCount[c][port] = new byte[len];
            Arrays.fill(coarseRx[c][port], Float.NaN);
            Arrays.fill(coarseTx[c][port], Float.NaN);
            lastCoarseStep[c][port] = step - 1;
        }
        long prev = lastCoarseStep[c][port];
        if (step <= prev - len) {
            return;
        }
        for (long s = Math.max(prev + 1, step - len + 1); s <= step; s++) {
            int slot = slot(s, len);
            coarseRx[c][port][slot] = Float.NaN;
            coarseTx[c][port][slot] = Float.NaN;
            coarseCount[c][port][slot] = 0;
        }
        lastCoarseStep[c][port] = Math.max(prev, step);
        int slot = slot(step, len);
        int n = coarseCount[c][port][slot] + 1;
        coarseCount[c][port][slot] = (byte) n;
        coarseRx[c][port][slot] = n == 1 ? rx : coarseRx[c][port][slot] + (rx - coarseRx[c][port][slot]) / n;
        coarseTx[c][port][slot] = n == 1 ? tx : coarseTx[c][port][slot] + (tx - coarseTx[c][port][slot]) / n;
    }

    private static int slot(long step, int length) {
        return (int) Math.floorMod(step, (long) length);
    }

    /**
     * Copies a port's rates for steps {@code [endStep - count, endStep)} of a tier into the arrays at {@code offset}.
     * Steps not observed, not yet complete, or older than the tier keeps read as NaN.
     *
     * @param tier 0 for the fine tier
     * @param rxOut receive rates in bits per second, or null to skip
     * @param txOut transmit rates in bits per second, or null to skip
     * @return the number of steps that hold a value
     */
    public synchronized int read(int tier, int port, long endStep, int count, float[] rxOut, float[] txOut,
                                 int offset) {
        float[] rx = null;
        float[] tx = null;
        long last = Long.MIN_VALUE;
        int len = tiers.get(tier).length();
        if (port >= 0 && port < lastFineStep.length) {
            if (tier == 0) {
                rx = fineRx[port];
                tx = fineTx[port];
                last = lastFineStep[port];
            } else {
                rx = coarseRx[tier - 1][port];
                tx = coarseTx[tier - 1][port];
                last = lastCoarseStep[tier - 1][port];
            }
        }
        int present = 0;
        for (int i = 0; i < count; i++) {
            long s = endStep - count + i;
            boolean held = rx != null && s <= last && s > last - len;
            float r = held ? rx[slot(s, len)] : Float.NaN;
            float t = held ? tx[slot(s, len)] : Float.NaN;
            if (rxOut != null) {
                rxOut[offset + i] = r;
            }
            if (txOut != null) {
                txOut[offset + i] = t;
            }
            if (!Float.isNaN(r)) {
                present++;
            }
        }
        return present;
    }

    /** @return the flags of a fine step ({@link #MISSING} if not held), combining {@link RateSink} flags */
    public synchronized int fineFlags(int port, long step) {
        if (port < 0 || port >= lastFineStep.length || fineFlags[port] == null) {
            return MISSING;
        }
        long last = lastFineStep[port];
        if (step > last || step <= last - fineLength) {
            return MISSING;
        }
        return fineFlags[port][slot(step, fineLength)];
    }

    /** @return the last complete fine step of a port, or {@link Long#MIN_VALUE} if none */
    public synchronized long lastFineStep(int port) {
        return port < 0 || port >= lastFineStep.length || fineRx[port] == null ? Long.MIN_VALUE : lastFineStep[port];
    }

    /** @return the number of ports the store has room for */
    public synchronized int portCapacity() {
        return lastFineStep.length;
    }

    /** @return the bytes held by the per-port arrays (values, flags, counts and per-port state), for sizing */
    public synchronized long approximateBytes() {
        long perPortState = 8 + 8 + 8 + 8 + 8 + 1;
        long bytes = (long) lastFineStep.length * perPortState;
        for (int p = 0; p < lastFineStep.length; p++) {
            if (fineRx[p] != null) {
                bytes += 2L * (16 + 4L * fineLength) + 16 + fineLength;
            }
            for (int c = 0; c < coarseRx.length; c++) {
                if (coarseRx[c][p] != null) {
                    int len = tiers.get(c + 1).length();
                    bytes += 2L * (16 + 4L * len) + 16 + len;
                }
            }
        }
        return bytes;
    }

    /** Makes room for ports up to {@code count - 1}, so that the first samples cause no resizing. */
    public synchronized void reserve(int count) {
        if (count > 0) {
            ensurePort(count - 1);
        }
    }

    private void ensurePort(int port) {
        if (port < lastFineStep.length) {
            return;
        }
        int len = Math.max(port + 1, Math.max(64, lastFineStep.length * 2));
        int old = lastFineStep.length;
        fineRx = Arrays.copyOf(fineRx, len);
        fineTx = Arrays.copyOf(fineTx, len);
        fineFlags = Arrays.copyOf(fineFlags, len);
        lastFineStep = Arrays.copyOf(lastFineStep, len);
        pendingStep = Arrays.copyOf(pendingStep, len);
        Arrays.fill(pendingStep, old, len, Long.MIN_VALUE);
        pendingRxBits = Arrays.copyOf(pendingRxBits, len);
        pendingTxBits = Arrays.copyOf(pendingTxBits, len);
        pendingMillis = Arrays.copyOf(pendingMillis, len);
        pendingFlags = Arrays.copyOf(pendingFlags, len);
        for (int c = 0; c < coarseRx.length; c++) {
            coarseRx[c] = Arrays.copyOf(coarseRx[c], len);
            coarseTx[c] = Arrays.copyOf(coarseTx[c], len);
            coarseCount[c] = Arrays.copyOf(coarseCount[c], len);
            lastCoarseStep[c] = Arrays.copyOf(lastCoarseStep[c], len);
        }
    }
}
