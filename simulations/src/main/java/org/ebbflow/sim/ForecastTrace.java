package org.ebbflow.sim;

import java.util.Arrays;

/**
 * A policy's one-step-ahead forecast of one link against what the link then carried, for the report's
 * forecast-against-actual plot. The link is the one with the largest forecast mean in the first forecast seen.
 */
public final class ForecastTrace {
    private final String link;
    private int size;
    private long[] timeMillis = new long[256];
    private double[] meanBps = new double[256];
    private double[] upperBps = new double[256];
    private double[] actualBps = new double[256];

    ForecastTrace(String link) {
        this.link = link;
    }

    void add(long t, double mean, double upper, double actual) {
        if (size == timeMillis.length) {
            int n = size * 2;
            timeMillis = Arrays.copyOf(timeMillis, n);
            meanBps = Arrays.copyOf(meanBps, n);
            upperBps = Arrays.copyOf(upperBps, n);
            actualBps = Arrays.copyOf(actualBps, n);
        }
        timeMillis[size] = t;
        meanBps[size] = mean;
        upperBps[size] = upper;
        actualBps[size] = actual;
        size++;
    }

    /** @return the traced link, as {@code src->dst} ports */
    public String link() {
        return link;
    }

    /** @return the number of points */
    public int size() {
        return size;
    }

    /** @return the start of the step forecast at point i, epoch milliseconds */
    public long timeMillis(int i) {
        return timeMillis[i];
    }

    /** @return the forecast mean at point i, bits per second */
    public double meanBps(int i) {
        return meanBps[i];
    }

    /** @return the forecast upper bound at point i, bits per second */
    public double upperBps(int i) {
        return upperBps[i];
    }

    /** @return what the link carried in that step, bits per second */
    public double actualBps(int i) {
        return actualBps[i];
    }
}
