package org.ebbflow.sim.metrics;

/**
 * Link utilisation samples in fixed bins of {@value #BIN_WIDTH} up to {@value #TOP} (the rest in one overflow bin),
 * for quantiles over millions of link-steps without keeping them; the maximum is kept exactly.
 */
public final class UtilisationHistogram {
    /** Bin width (utilisation as a fraction of capacity). */
    public static final double BIN_WIDTH = 0.0005;
    /** Upper end of the binned range; above it, one overflow bin. */
    public static final double TOP = 4.0;

    private final long[] bins = new long[(int) Math.round(TOP / BIN_WIDTH) + 1];
    private long count;
    private double max;

    /** Adds one sample (negative values count as 0). */
    public void add(double utilisation) {
        double u = Math.max(0, utilisation);
        int b = (int) Math.min(bins.length - 1, u / BIN_WIDTH);
        bins[b]++;
        count++;
        if (u > max) {
            max = u;
        }
    }

    /** @return the number of samples */
    public long count() {
        return count;
    }

    /** @return the largest sample, 0 if none */
    public double max() {
        return max;
    }

    /**
     * @param q in [0, 1]
     * @return the upper edge of the bin holding the q-quantile (the maximum if it falls in the overflow bin), 0 if
     *     empty
     */
    public double quantile(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int b = 0; b < bins.length; b++) {
            seen += bins[b];
            if (seen >= Math.max(1, rank)) {
                return b == bins.length - 1 ? max : Math.min(max, (b + 1) * BIN_WIDTH);
            }
        }
        return max;
    }
}
