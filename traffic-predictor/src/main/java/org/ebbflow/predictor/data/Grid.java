package org.ebbflow.predictor.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Puts timestamped rows on a regular grid: the step is given or the median spacing of the distinct times; the grid
 * starts at the earliest time; each row goes to the nearest step ({@code round((t - start) / step)}); rows sharing a
 * step are averaged value by value (a NaN value does not count); steps no row reached are NaN. Rows may come in any
 * order.
 */
final class Grid {
    /** More steps than this is taken as a wrong step or a broken time column. */
    static final long MAX_STEPS = 50_000_000L;

    final long startMillis;
    final long stepMillis;
    /** [column][step] */
    final double[][] values;

    private Grid(long startMillis, long stepMillis, double[][] values) {
        this.startMillis = startMillis;
        this.stepMillis = stepMillis;
        this.values = values;
    }

    /** @return the number of steps */
    int length() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /**
     * @return the median (the lower one for an even count) of the gaps between consecutive distinct times
     * @throws DataFormatException if there are fewer than two distinct times
     */
    static long medianSpacing(long[] times, int n, Path file) {
        long[] t = Arrays.copyOf(times, n);
        Arrays.sort(t);
        long[] gaps = new long[Math.max(0, n - 1)];
        int g = 0;
        for (int i = 1; i < n; i++) {
            if (t[i] != t[i - 1]) {
                gaps[g++] = t[i] - t[i - 1];
            }
        }
        if (g == 0) {
            throw new DataFormatException(file, 0, null, "cannot infer the time step from "
                    + (n == 0 ? "no rows" : "a single distinct time") + "; give it with ,step=DURATION");
        }
        Arrays.sort(gaps, 0, g);
        return gaps[(g - 1) / 2];
    }

    /**
     * @param times the rows' times in milliseconds (only the first {@code n} are used)
     * @param columns values [column][row]
     * @param stepMillis the step, positive
     * @throws DataFormatException if the grid would be longer than {@link #MAX_STEPS}
     */
    static Grid build(long[] times, double[][] columns, int n, long stepMillis, Path file) {
        if (n == 0) {
            return new Grid(0, stepMillis, new double[columns.length][0]);
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            start = Math.min(start, times[i]);
            end = Math.max(end, times[i]);
        }
        long steps = Math.round((end - start) / (double) stepMillis) + 1;
        if (steps > MAX_STEPS) {
            throw new DataFormatException(file, 0, null, "the rows span " + steps + " steps of "
                    + Durations.format(stepMillis) + " (more than " + MAX_STEPS + "): is the step or time column "
                    + "right?");
        }
        int len = (int) steps;
        double[][] sums = new double[columns.length][len];
        int[][] counts = new int[columns.length][len];
        for (int i = 0; i < n; i++) {
            int at = (int) Math.round((times[i] - start) / (double) stepMillis);
            for (int c = 0; c < columns.length; c++) {
                double v = columns[c][i];
                if (!Double.isNaN(v)) {
                    sums[c][at] += v;
                    counts[c][at]++;
                }
            }
        }
        for (int c = 0; c < columns.length; c++) {
            for (int s = 0; s < len; s++) {
                sums[c][s] = counts[c][s] == 0 ? Double.NaN : sums[c][s] / counts[c][s];
            }
        }
        return new Grid(start, stepMillis, sums);
    }
}
