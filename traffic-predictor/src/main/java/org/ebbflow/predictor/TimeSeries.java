package org.ebbflow.predictor;

import java.util.Objects;

/**
 * One regularly sampled series read from a file or exported by ebbflow: values per step (NaN where nothing was
 * observed), the step, the start time, and where it came from. Used for offline training and evaluation. Immutable.
 */
public final class TimeSeries {
    private final String name;
    private final String source;
    private final long startMillis;
    private final long stepMillis;
    private final double[] values;
    private final String taskClass;
    private final String unit;

    private TimeSeries(String name, String source, long startMillis, long stepMillis, double[] values,
                       String taskClass, String unit) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("step must be positive: " + stepMillis);
        }
        this.startMillis = startMillis;
        this.stepMillis = stepMillis;
        this.values = values;
        this.taskClass = taskClass;
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /**
     * @param name the series' name within its source, e.g. {@code ATLAng->CHINng} or {@code m_1932/net_in}
     * @param source the data spec or file it came from
     * @param startMillis the start of step 0 (epoch milliseconds, or 0 when the source has no absolute time)
     * @param stepMillis the step length in milliseconds
     * @param values one value per step, copied; NaN = not observed
     * @param taskClass the task or workload class the series belongs to, or null if unknown
     * @param unit the unit of the values, e.g. {@code bps}, or {@code units/s} for normalised sources
     */
    public static TimeSeries of(String name, String source, long startMillis, long stepMillis, double[] values,
                                String taskClass, String unit) {
        return new TimeSeries(name, source, startMillis, stepMillis, values.clone(), taskClass, unit);
    }

    /** @return the series' name within its source */
    public String name() {
        return name;
    }

    /** @return the data spec or file it came from */
    public String source() {
        return source;
    }

    /** @return the start of step 0 in milliseconds */
    public long startMillis() {
        return startMillis;
    }

    /** @return the step length in milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the number of steps */
    public int length() {
        return values.length;
    }

    /** @return the value at step {@code i} (NaN if not observed) */
    public double value(int i) {
        return values[i];
    }

    /** @return a copy of all values */
    public double[] values() {
        return values.clone();
    }

    /** @return the task or workload class, or null if the source does not say */
    public String taskClass() {
        return taskClass;
    }

    /** @return the unit of the values */
    public String unit() {
        return unit;
    }

    /** @return steps {@code [from, to)} as a new series with the same name, shifted start time */
    public TimeSeries slice(int from, int to) {
        if (from < 0 || to > values.length || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + values.length);
        }
        double[] part = new double[to - from];
        System.arraycopy(values, from, part, 0, part.length);
        return new TimeSeries(name, source, startMillis + from * stepMillis, stepMillis, part, taskClass, unit);
    }

    @Override
    public String toString() {
        return source + "#" + name + " (" + values.length + " x " + stepMillis + " ms, " + unit + ")";
    }
}
