package org.ebbflow.flowstats.io;

import java.util.Objects;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.SeriesFeatures;

/**
 * One machine's rates on a fixed grid: value {@code i} is the average rate over step {@code firstStep + i}, that is
 * over {@code [(firstStep + i) * stepMillis, (firstStep + i + 1) * stepMillis)} milliseconds of the trace's clock,
 * in the counters' units per second; NaN where unobserved. Immutable: arrays are copied on the way out.
 */
public final class ResampledSeries {
    private final String machine;
    private final long stepMillis;
    private final long firstStep;
    private final double[] in;
    private final double[] out;

    ResampledSeries(String machine, long stepMillis, long firstStep, double[] in, double[] out) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.stepMillis = stepMillis;
        this.firstStep = firstStep;
        this.in = in;
        this.out = out;
    }

    /** @return the machine id */
    public String machine() {
        return machine;
    }

    /** @return the step in milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the index of the first step (its start is {@code firstStep * stepMillis}) */
    public long firstStep() {
        return firstStep;
    }

    /** @return the number of steps */
    public int length() {
        return in.length;
    }

    /** @return the incoming rate per step, units per second, NaN where unobserved */
    public double[] inPerSecond() {
        return in.clone();
    }

    /** @return the outgoing rate per step, units per second, NaN where unobserved */
    public double[] outPerSecond() {
        return out.clone();
    }

    /** @return the number of steps with an observed incoming rate */
    public int observedSteps() {
        int n = 0;
        for (double v : in) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The series as a feature source for training: incoming as the receive rate, outgoing as the transmit rate. The
     * trace's units per second stand where bits per second would (its counters are normalised, not bytes), so the
     * byte features are only proportional to volumes; a normaliser removes the scale either way.
     *
     * @param spec its step must be this series' step
     * @param originMillis the epoch time of the trace's time 0 (the Alibaba trace counts seconds from its start; its
     *                     calendar time is not published, so time encodings are relative to the origin chosen);
     *                     a multiple of the step
     * @throws IllegalArgumentException if the steps differ or the origin is off the grid
     */
    public SeriesFeatures toSeriesFeatures(FeatureSpec spec, long originMillis) {
        if (spec.stepMillis() != stepMillis) {
            throw new IllegalArgumentException("spec step " + spec.stepMillis() + " ms, series step " + stepMillis
                    + " ms");
        }
        return SeriesFeatures.regular(spec, machine, originMillis + firstStep * stepMillis, in, out);
    }
}
