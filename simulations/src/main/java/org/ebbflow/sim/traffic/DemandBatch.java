package org.ebbflow.sim.traffic;

import java.util.Arrays;

/**
 * The traffic of one simulation step: host-to-host demands as parallel primitive arrays (source host, destination
 * host, average rate over the step in bits per second, task class ordinal). Host numbers are the simulated network's
 * (the snapshot's host indices). A pair may appear more than once; entries are independent. Mutable and reused from
 * step to step: readers that keep one past the step copy it ({@link #copyOf}).
 */
public final class DemandBatch {
    private int size;
    private int[] src;
    private int[] dst;
    private double[] bps;
    private byte[] cls;

    /** An empty batch with room for {@code capacity} demands (it grows as needed). */
    public DemandBatch(int capacity) {
        int c = Math.max(16, capacity);
        src = new int[c];
        dst = new int[c];
        bps = new double[c];
        cls = new byte[c];
    }

    /** @return an independent copy */
    public static DemandBatch copyOf(DemandBatch b) {
        DemandBatch c = new DemandBatch(b.size);
        c.copyFrom(b);
        return c;
    }

    /** Replaces this batch's content with {@code other}'s. */
    public void copyFrom(DemandBatch other) {
        clear();
        ensure(other.size);
        System.arraycopy(other.src, 0, src, 0, other.size);
        System.arraycopy(other.dst, 0, dst, 0, other.size);
        System.arraycopy(other.bps, 0, bps, 0, other.size);
        System.arraycopy(other.cls, 0, cls, 0, other.size);
        size = other.size;
    }

    /** Removes every demand (keeps the arrays). */
    public void clear() {
        size = 0;
    }

    /**
     * Appends a demand.
     *
     * @param srcHost the source host
     * @param dstHost the destination host, another one
     * @param rateBps the average rate over the step, bits per second, positive
     * @param taskClass the source container's class
     */
    public void add(int srcHost, int dstHost, double rateBps, TaskClass taskClass) {
        add(srcHost, dstHost, rateBps, taskClass.ordinal());
    }

    /** As {@link #add(int, int, double, TaskClass)} with the class ordinal. */
    public void add(int srcHost, int dstHost, double rateBps, int classOrdinal) {
        if (size == src.length) {
            ensure(size * 2);
        }
        src[size] = srcHost;
        dst[size] = dstHost;
        bps[size] = rateBps;
        cls[size] = (byte) classOrdinal;
        size++;
    }

    private void ensure(int n) {
        if (n > src.length) {
            src = Arrays.copyOf(src, n);
            dst = Arrays.copyOf(dst, n);
            bps = Arrays.copyOf(bps, n);
            cls = Arrays.copyOf(cls, n);
        }
    }

    /** @return the number of demands */
    public int size() {
        return size;
    }

    /** @return the source host of demand {@code i} */
    public int src(int i) {
        return src[i];
    }

    /** @return the destination host of demand {@code i} */
    public int dst(int i) {
        return dst[i];
    }

    /** @return the rate of demand {@code i}, bits per second */
    public double bps(int i) {
        return bps[i];
    }

    /** Sets the rate of demand {@code i}, bits per second. */
    public void setBps(int i, double rateBps) {
        bps[i] = rateBps;
    }

    /** @return the task class ordinal of demand {@code i} */
    public int classOrdinal(int i) {
        return cls[i];
    }

    /** @return the sum of all rates, bits per second */
    public double totalBps() {
        double t = 0;
        for (int i = 0; i < size; i++) {
            t += bps[i];
        }
        return t;
    }

    /** @return a key unique to the (source, destination) pair among {@code hosts} hosts */
    public static long pairKey(int srcHost, int dstHost) {
        return ((long) srcHost << 32) | (dstHost & 0xFFFF_FFFFL);
    }

    @Override
    public String toString() {
        return "DemandBatch{" + size + " demands, " + totalBps() + " bps}";
    }
}
