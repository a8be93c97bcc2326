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
 * Coarser tiers keep the mean of the fine steps they contain, for longer history at less memory; the coarse step
 * still being filled reads as the mean so far.
 *
 * <p>Thread-safe: writes and reads synchronise on the store.
 */
public final class SeriesStore implements RateSink {
    /** Step flag: nothing observed this step; values are NaN. */
    public static final int MISSING = 8;

    private final List<SeriesTier> tiers;
    private final long fineStep;
    private final int fineLength;

    // Fine tier, per port: one ring of interleaved (rx, tx) rates and one of flags; the pending step's accumulators.
    private float[][] fine = new float[0][];
    private byte[][] fineFlags = new byte[0][];
    private long[] lastFineStep = new long[0];
    private long[] pendingStep = new long[0];
    private double[] pendingRxBits = new double[0];
    private double[] pendingTxBits = new double[0];
    private double[] pendingMillis = new double[0];
    private byte[] pendingFlags = new byte[0];

    // Coarse tiers [tier - 1][port]: rings of interleaved (rx, tx) means, written once per completed coarse step;
    // the step being filled is summed in flat per-port arrays, which a port-ordered polling round walks in order.
    private final float[][][] coarse;
    private final long[][] lastCoarseStep;
    private final long[][] openCoarseStep;
    private final double[][] openCoarseRx;
    private final double[][] openCoarseTx;
    private final int[][] openCoarseCount;

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
        int tiersAbove = tiers.size() - 1;
        coarse = new float[tiersAbove][0][];
        lastCoarseStep = new long[tiersAbove][0];
        openCoarseStep = new long[tiersAbove][0];
        openCoarseRx = new double[tiersAbove][0];
        openCoarseTx = new double[tiersAbove][0];
        openCoarseCount = new int[tiersAbove][0];
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
        float[] ring = fine[port];
        if (ring == null) {
            ring = new float[2 * fineLength];
            Arrays.fill(ring, Float.NaN);
            fine[port] = ring;
            fineFlags[port] = new byte[fineLength];
            Arrays.fill(fineFlags[port], (byte) MISSING);
            lastFineStep[port] = step - 1;
        }
        long prev = lastFineStep[port];
        if (step <= prev - fineLength) {
            return; // fell out of the ring already
        }
        for (long s = Math.max(prev + 1, step - fineLength + 1); s < step; s++) {
            int slot = slot(s, fineLength);
            ring[2 * slot] = Float.NaN;
            ring[2 * slot + 1] = Float.NaN;
            fineFlags[port][slot] = MISSING;
        }
        int slot = slot(step, fineLength);
        ring[2 * slot] = rx;
        ring[2 * slot + 1] = tx;
        fineFlags[port][slot] = flags;
        lastFineStep[port] = Math.max(prev, step);
        for (int c = 0; c < coarse.length; c++) {
            addToCoarse(c, port, step * fineStep / tiers.get(c + 1).stepMillis(), rx, tx);
        }
    }

    private void addToCoarse(int c, int port, long step, float rx, float tx) {
        long open = openCoarseStep[c][port];
        if (step != open) {
            if (step < open) {
                return; // a late fine step of a coarse step already closed
            }
            closeCoarse(c, port);
            openCoarseStep[c][port] = step;
        }
        openCoarseRx[c][port] += rx;
        openCoarseTx[c][port] += tx;
        openCoarseCount[c][port]++;
    }

    /** Writes the open coarse step's mean into the ring, clearing the steps skipped since the last one. */
    private void closeCoarse(int c, int port) {
        int n = openCoarseCount[c][port];
        long step = openCoarseStep[c][port];
        if (n == 0 || step == Long.MIN_VALUE) {
            return;
        }
        int len = tiers.get(c + 1).length();
        float[] ring = coarse[c][port];
        if (ring == null) {
            ring = new float[2 * len];
            Arrays.fill(ring, Float.NaN);
            coarse[c][port] = ring;
            lastCoarseStep[c][port] = step - 1;
        }
        long prev = lastCoarseStep[c][port];
        for (long s = Math.max(prev + 1, step - len + 1); s < step; s++) {
            int slot = slot(s, len);
            ring[2 * slot] = Float.NaN;
            ring[2 * slot + 1] = Float.NaN;
        }
        int slot = slot(step, len);
        ring[2 * slot] = (float) (openCoarseRx[c][port] / n);
        ring[2 * slot + 1] = (float) (openCoarseTx[c][port] / n);
        lastCoarseStep[c][port] = Math.max(prev, step);
        openCoarseRx[c][port] = 0;
        openCoarseTx[c][port] = 0;
        openCoarseCount[c][port] = 0;
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
        float[] ring = null;
        long last = Long.MIN_VALUE;
        long open = Long.MIN_VALUE;
        int len = tiers.get(tier).length();
        if (port >= 0 && port < lastFineStep.length) {
            if (tier == 0) {
                ring = fine[port];
                last = lastFineStep[port];
            } else {
                ring = coarse[tier - 1][port];
                last = ring == null ? Long.MIN_VALUE : lastCoarseStep[tier - 1][port];
                open = openCoarseCount[tier - 1][port] > 0 ? openCoarseStep[tier - 1][port] : Long.MIN_VALUE;
            }
        }
        int present = 0;
        for (int i = 0; i < count; i++) {
            long s = endStep - count + i;
            float r = Float.NaN;
            float t = Float.NaN;
            if (s == open) {
                // The coarse step still being filled reads as the mean of its fine steps so far.
                int n = openCoarseCount[tier - 1][port];
                r = (float) (openCoarseRx[tier - 1][port] / n);
                t = (float) (openCoarseTx[tier - 1][port] / n);
            } else if (ring != null && s <= last && s > last - len) {
                int slot = slot(s, len);
                r = ring[2 * slot];
                t = ring[2 * slot + 1];
            }
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
        return port < 0 || port >= lastFineStep.length || fine[port] == null ? Long.MIN_VALUE : lastFineStep[port];
    }

    /** @return the number of ports the store has room for */
    public synchronized int portCapacity() {
        return lastFineStep.length;
    }

    /** @return the bytes held by the per-port arrays (values, flags, counts and per-port state), for sizing */
    public synchronized long approximateBytes() {
        long perPortState = 8 + 8 + 8 + 8 + 8 + 1 + 8 + coarse.length * (8L + 8 + 8 + 8 + 4 + 8);
        long bytes = (long) lastFineStep.length * perPortState;
        for (int p = 0; p < lastFineStep.length; p++) {
            if (fine[p] != null) {
                bytes += (16 + 8L * fineLength) + (16 + fineLength);
            }
            for (int c = 0; c < coarse.length; c++) {
                if (coarse[c][p] != null) {
                    bytes += 16 + 8L * tiers.get(c + 1).length();
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
        fine = Arrays.copyOf(fine, len);
        fineFlags = Arrays.copyOf(fineFlags, len);
        lastFineStep = Arrays.copyOf(lastFineStep, len);
        pendingStep = Arrays.copyOf(pendingStep, len);
        Arrays.fill(pendingStep, old, len, Long.MIN_VALUE);
        pendingRxBits = Arrays.copyOf(pendingRxBits, len);
        pendingTxBits = Arrays.copyOf(pendingTxBits, len);
        pendingMillis = Arrays.copyOf(pendingMillis, len);
        pendingFlags = Arrays.copyOf(pendingFlags, len);
        for (int c = 0; c < coarse.length; c++) {
            coarse[c] = Arrays.copyOf(coarse[c], len);
            lastCoarseStep[c] = Arrays.copyOf(lastCoarseStep[c], len);
            openCoarseStep[c] = Arrays.copyOf(openCoarseStep[c], len);
            Arrays.fill(openCoarseStep[c], old, len, Long.MIN_VALUE);
            openCoarseRx[c] = Arrays.copyOf(openCoarseRx[c], len);
            openCoarseTx[c] = Arrays.copyOf(openCoarseTx[c], len);
            openCoarseCount[c] = Arrays.copyOf(openCoarseCount[c], len);
        }
    }
}
