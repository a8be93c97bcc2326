package org.ebbflow.sim.traffic;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A flow-size distribution given as a piecewise-linear cumulative distribution function (bytes → cumulative
 * probability), sampled by inverse transform with linear interpolation between the points, as the HPCC traffic
 * generator does. Below the first point the size is the first point's (a point mass of the first probability).
 * Immutable and thread-safe; sampling draws from the caller's generator.
 *
 * <p>The two published distributions ({@code ../shared/data/README.md}, anchors §4): {@link #hadoop()} (Facebook
 * Hadoop, mean ≈120 KB, median ≈700 B) and {@link #webSearch()} (DCTCP web search, mean ≈1.71 MB, median ≈73 KB).
 */
public final class FlowSizeDistribution {
    /** Above this many flows a sum of sizes is drawn from its normal approximation instead of flow by flow. */
    public static final int EXACT_SUM_LIMIT = 32;

    private static final FlowSizeDistribution HADOOP = new FlowSizeDistribution("hadoop",
            new double[] {100, 300, 350, 500, 700, 1000, 2000, 7000, 30000, 50000, 80000, 120000, 300000, 1e6, 2e6,
                1e7},
            new double[] {1, 5, 15, 30, 50, 60, 67, 70, 72, 82, 87, 90, 95, 97.5, 99, 100});
    private static final FlowSizeDistribution WEB_SEARCH = new FlowSizeDistribution("websearch",
            new double[] {1e4, 2e4, 3e4, 5e4, 8e4, 2e5, 1e6, 2e6, 5e6, 1e7, 3e7},
            new double[] {15, 20, 30, 40, 53, 60, 70, 80, 90, 97, 100});

    private final String name;
    private final double[] bytes;
    private final double[] cdf;
    private final double mean;
    private final double variance;

    private FlowSizeDistribution(String name, double[] bytes, double[] percent) {
        if (bytes.length == 0 || bytes.length != percent.length) {
            throw new IllegalArgumentException("need as many sizes as probabilities, at least one");
        }
        this.name = name;
        this.bytes = bytes.clone();
        this.cdf = new double[percent.length];
        for (int i = 0; i < percent.length; i++) {
            cdf[i] = percent[i] / 100.0;
            if (bytes[i] <= 0 || (i > 0 && (bytes[i] < bytes[i - 1] || cdf[i] < cdf[i - 1]))) {
                throw new IllegalArgumentException("sizes must be positive and both columns non-decreasing at " + i);
            }
        }
        if (Math.abs(cdf[cdf.length - 1] - 1) > 1e-9) {
            throw new IllegalArgumentException("the last cumulative probability must be 100%");
        }
        double m1 = cdf[0] * bytes[0];
        double m2 = cdf[0] * bytes[0] * bytes[0];
        for (int i = 1; i < bytes.length; i++) {
            double p = cdf[i] - cdf[i - 1];
            double a = bytes[i - 1];
            double b = bytes[i];
            m1 += p * (a + b) / 2;
            m2 += p * (a * a + a * b + b * b) / 3;
        }
        this.mean = m1;
        this.variance = Math.max(0, m2 - m1 * m1);
    }

    /**
     * @param name a name for reports
     * @param bytes flow sizes in bytes, positive, non-decreasing
     * @param percent the cumulative percentage at each size, non-decreasing, the last 100
     * @return the distribution
     * @throws IllegalArgumentException if the points are not a valid CDF
     */
    public static FlowSizeDistribution of(String name, double[] bytes, double[] percent) {
        return new FlowSizeDistribution(name, bytes, percent);
    }

    /** @return the Facebook Hadoop CDF (HPCC {@code FbHdp_distribution.txt}) */
    public static FlowSizeDistribution hadoop() {
        return HADOOP;
    }

    /** @return the DCTCP web-search CDF (HPCC {@code WebSearch_distribution.txt}) */
    public static FlowSizeDistribution webSearch() {
        return WEB_SEARCH;
    }

    /**
     * @param token {@code hadoop} or {@code websearch}, case-insensitive
     * @return the named distribution
     * @throws IllegalArgumentException for another name
     */
    public static FlowSizeDistribution named(String token) {
        String t = token == null ? "" : token.trim().toLowerCase(Locale.ROOT);
        if (t.equals("hadoop")) {
            return HADOOP;
        }
        if (t.equals("websearch") || t.equals("web-search")) {
            return WEB_SEARCH;
        }
        throw new IllegalArgumentException("unknown flow-size mix '" + token + "' (valid: hadoop, websearch)");
    }

    /** @return the name, e.g. {@code hadoop} */
    public String name() {
        return name;
    }

    /** @return the mean flow size in bytes (exact for the interpolated CDF) */
    public double meanBytes() {
        return mean;
    }

    /** @return the variance of the flow size in bytes² */
    public double varianceBytes() {
        return variance;
    }

    /** @return the size in bytes at cumulative probability {@code u} in [0, 1) */
    public double quantile(double u) {
        if (u <= cdf[0]) {
            return bytes[0];
        }
        int i = Arrays.binarySearch(cdf, u);
        if (i >= 0) {
            return bytes[i];
        }
        int hi = -i - 1;
        if (hi >= cdf.length) {
            return bytes[bytes.length - 1];
        }
        int lo = hi - 1;
        double f = (u - cdf[lo]) / (cdf[hi] - cdf[lo]);
        return bytes[lo] + f * (bytes[hi] - bytes[lo]);
    }

    /** @return one flow size in bytes */
    public double sample(SplittableRandom random) {
        return quantile(random.nextDouble());
    }

    /**
     * The total size of {@code flows} independent flows: exact (flow by flow) up to {@value #EXACT_SUM_LIMIT} flows,
     * beyond that the normal approximation of the sum (central limit), truncated at the smallest possible total.
     *
     * @return bytes, 0 for no flow
     */
    public double sampleSum(long flows, SplittableRandom random) {
        if (flows <= 0) {
            return 0;
        }
        if (flows <= EXACT_SUM_LIMIT) {
            double sum = 0;
            for (int i = 0; i < flows; i++) {
                sum += sample(random);
            }
            return sum;
        }
        double total = flows * mean + Math.sqrt(flows * variance) * random.nextGaussian();
        return Math.max(flows * bytes[0], total);
    }

    @Override
    public String toString() {
        return name + String.format(Locale.ROOT, "{mean %.0f B}", mean);
    }
}
