package org.ebbflow.flowstats.features;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.flowstats.SeriesTier;

/**
 * Builds {@link FeatureWindow}s per port or per link from a live {@link SeriesStore}, as the control cycle needs them.
 *
 * <p>Each call reads every series of the batch once into step-sized scratch arrays and writes the batch array in one
 * pass: the allocation is per call (the output and a few arrays of W floats), never per step. Every step is read
 * from the finest tier of the store that still holds it (see {@link FeatureSpec}, "Where lags come from"); unobserved
 * steps are NaN or forward-filled according to the {@link MissingPolicy}.
 *
 * <p>The end step is exclusive and shared by the batch: call {@link SeriesStore#completeStepsBefore(long)} with the
 * cycle's time, then pass {@link #endStepBefore(long)} of the same time, so that the window ends with the last
 * complete fine step.
 *
 * <p>Thread-safe: an extractor holds no mutable state; the store synchronises its reads.
 */
public final class FeatureExtractor {
    private final FeatureSpec spec;
    private final SeriesStore store;
    private final MissingPolicy policy;
    private final TimeEncoder time;
    private final long[] tierRatio;
    private final int[] tierLength;

    /**
     * @param spec what the windows hold; its step must be the store's fine step
     * @param policy what to do with unobserved steps
     * @throws IllegalArgumentException if the spec's step is not the store's fine step
     */
    public FeatureExtractor(FeatureSpec spec, SeriesStore store, MissingPolicy policy) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        List<SeriesTier> tiers = store.tiers();
        long fine = tiers.get(0).stepMillis();
        if (spec.stepMillis() != fine) {
            throw new IllegalArgumentException("feature step " + spec.stepMillis() + " ms is not the store's fine step "
                    + fine + " ms");
        }
        this.tierRatio = new long[tiers.size()];
        this.tierLength = new int[tiers.size()];
        for (int i = 0; i < tiers.size(); i++) {
            tierRatio[i] = tiers.get(i).stepMillis() / fine;
            tierLength[i] = tiers.get(i).length();
        }
        this.time = new TimeEncoder(spec.stepMillis(), spec.zone());
    }

    /** @return the spec of the windows this extractor builds */
    public FeatureSpec spec() {
        return spec;
    }

    /** @return the end step (exclusive) whose window ends with the last fine step complete at {@code nowMillis} */
    public long endStepBefore(long nowMillis) {
        return store.fineStepOf(nowMillis);
    }

    /**
     * @param port a port index (a {@link org.ebbflow.flowstats.PortRegistry} number); one the store has not seen
     *             reads as all NaN
     * @param endStep the first fine step after the window
     * @return a batch of one: the port's window
     */
    public FeatureWindow port(int port, long endStep) {
        return ports(new int[] {port}, endStep);
    }

    /**
     * @param ports port indices, one series each, in batch order (duplicates allowed)
     * @param endStep the first fine step after the windows, the same for all
     * @throws IllegalArgumentException if a port index is negative
     */
    public FeatureWindow ports(int[] ports, long endStep) {
        int[] dst = new int[ports.length];
        Arrays.fill(dst, -1);
        return build(ports.clone(), dst, endStep);
    }

    /**
     * Windows of directed links. A link from {@code srcPorts[i]} to {@code dstPorts[i]} carries what the source port
     * transmits and the destination port receives: its "out" features ({@code BYTES_OUT}, {@code RATE_OUT_BPS}) are
     * the source port's transmit series and its "in" features ({@code BYTES_IN}, {@code RATE_IN_BPS}) the destination
     * port's receive series. On a healthy link the two agree; their difference is loss or a polling skew. Only one
     * direction of the link is described: pass the reverse pair for the other.
     *
     * @param srcPorts source port indices
     * @param dstPorts destination port indices, same length
     * @param endStep the first fine step after the windows
     * @throws IllegalArgumentException if the arrays differ in length or an index is negative
     */
    public FeatureWindow links(int[] srcPorts, int[] dstPorts, long endStep) {
        if (srcPorts.length != dstPorts.length) {
            throw new IllegalArgumentException(srcPorts.length + " source ports but " + dstPorts.length
                    + " destination ports");
        }
        for (int p : dstPorts) {
            checkPort(p);
        }
        return build(srcPorts.clone(), dstPorts.clone(), endStep);
    }

    private FeatureWindow build(int[] src, int[] dst, long endStep) {
        for (int p : src) {
            checkPort(p);
        }
        int n = src.length;
        int w = spec.windowSteps();
        int lags = spec.lagCount();
        float[] out = new float[n * w * spec.channelCount()];
        boolean[] missing = new boolean[n * w];
        int[] filled = new int[n];
        int[] nan = new int[n];
        String[] labels = new String[n];
        long[] ends = new long[n];
        Arrays.fill(ends, endStep);
        float[] timeTable = new float[w * TimeEncoder.WIDTH];
        time.fill(endStep - w, w, timeTable);
        float[] rx = new float[w];
        float[] tx = new float[w];
        float[][] lagRx = new float[lags][w];
        float[][] lagTx = new float[lags][w];
        float[] coarseRx = new float[w + 1];
        float[] coarseTx = new float[w + 1];
        WindowAssembler assembler = new WindowAssembler(spec, policy);
        for (int b = 0; b < n; b++) {
            boolean link = dst[b] >= 0;
            int inPort = link ? dst[b] : src[b];
            int outPort = src[b];
            labels[b] = link ? "link:" + src[b] + "->" + dst[b] : "port:" + src[b];
            read(inPort, outPort, endStep - w, rx, tx, coarseRx, coarseTx);
            for (int l = 0; l < lags; l++) {
                read(inPort, outPort, endStep - w - spec.lagSteps(l), lagRx[l], lagTx[l], coarseRx, coarseTx);
            }
            assembler.write(b, rx, tx, lagRx, lagTx, timeTable, out, missing, filled, nan);
        }
        return new FeatureWindow(spec, n, out, src, dst, labels, ends, missing, filled, nan);
    }

    /** Reads W steps from {@code first}: receive rates of {@code inPort}, transmit rates of {@code outPort}. */
    private void read(int inPort, int outPort, long first, float[] rx, float[] tx, float[] cRx, float[] cTx) {
        if (inPort == outPort) {
            readTiered(inPort, first, rx, tx, cRx, cTx);
        } else {
            readTiered(inPort, first, rx, null, cRx, cTx);
            readTiered(outPort, first, null, tx, cRx, cTx);
        }
    }

    /**
     * Fills {@code rxOut}/{@code txOut} (either may be null) with the port's rates at fine steps
     * {@code [first, first + length)}, each from the finest tier that still holds it, NaN where none does.
     */
    private void readTiered(int port, long first, float[] rxOut, float[] txOut, float[] cRx, float[] cTx) {
        int count = rxOut != null ? rxOut.length : txOut.length;
        fillNaN(rxOut);
        fillNaN(txOut);
        long lastFine = store.lastFineStep(port);
        if (lastFine == Long.MIN_VALUE) {
            return;
        }
        long cur = first + count; // steps [first, cur) remain, newest first
        for (int tier = 0; tier < tierRatio.length && cur > first; tier++) {
            long k = tierRatio[tier];
            long oldestHeld = (Math.floorDiv(lastFine, k) - tierLength[tier] + 1) * k;
            long segStart = Math.max(first, oldestHeld);
            if (segStart >= cur) {
                continue; // this tier keeps less history than a finer one
            }
            if (tier == 0) {
                store.read(0, port, cur, (int) (cur - segStart), rxOut, txOut, (int) (segStart - first));
            } else {
                long cFirst = Math.floorDiv(segStart, k);
                long cLast = Math.floorDiv(cur - 1, k);
                store.read(tier, port, cLast + 1, (int) (cLast - cFirst + 1), rxOut == null ? null : cRx,
                        txOut == null ? null : cTx, 0);
                for (long s = segStart; s < cur; s++) {
                    int ci = (int) (Math.floorDiv(s, k) - cFirst);
                    if (rxOut != null) {
                        rxOut[(int) (s - first)] = cRx[ci];
                    }
                    if (txOut != null) {
                        txOut[(int) (s - first)] = cTx[ci];
                    }
                }
            }
            cur = segStart;
        }
    }

    private static void fillNaN(float[] a) {
        if (a != null) {
            Arrays.fill(a, Float.NaN);
        }
    }

    private static void checkPort(int p) {
        if (p < 0) {
            throw new IllegalArgumentException("negative port index " + p);
        }
    }
}
