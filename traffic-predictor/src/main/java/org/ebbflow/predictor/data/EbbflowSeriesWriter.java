package org.ebbflow.predictor.data;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes ebbflow's exported port series, the format {@code ebbflow:PATH} specs read: UTF-8 CSV in long form, one row
 * per series and step.
 *
 * <pre>
 * time_millis,series,rx_bps,tx_bps,class
 * 1700000000000,s3/p1,1250000,980000.5,web
 * 1700000000000,s3/p2,0,,
 * 1700000005000,s3/p1,1300000,1010000,web
 * </pre>
 *
 * <ul>
 *   <li>{@code time_millis}: the start of the step the rates average over, in milliseconds (epoch time, or time
 *       since the start of a simulation); an integer.</li>
 *   <li>{@code series}: the series' name, e.g. a port ({@code of:0000000000000003/1}) or a link; not empty, no
 *       comma, double quote or line break.</li>
 *   <li>{@code rx_bps}, {@code tx_bps}: the average receive and transmit rates over the step in bit/s, non-negative;
 *       empty if not observed.</li>
 *   <li>{@code class}: the task or workload class, empty if unknown; the same on every row of a series. The reader
 *       also accepts files without this column.</li>
 * </ul>
 *
 * <p>Rows may come in any order; the simulator and the Mininet runs write them time-major. All series of a file share
 * one step: the reader takes the median spacing of the file's distinct times unless the spec gives {@code step=}.
 * Not thread-safe; close it to flush.
 */
public final class EbbflowSeriesWriter implements Closeable, Flushable {
    /** The header line, with the optional class column. */
    public static final String HEADER = "time_millis,series,rx_bps,tx_bps,class";
    /** The header line of a file without classes, which the reader accepts too. */
    public static final String HEADER_WITHOUT_CLASS = "time_millis,series,rx_bps,tx_bps";

    private final Writer out;
    private final StringBuilder row = new StringBuilder(96);
    private long rows;

    /** Writes the header to {@code out} at once; the writer is not buffered here and is closed by {@link #close}. */
    public EbbflowSeriesWriter(Writer out) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        out.write(HEADER);
        out.write('\n');
    }

    /** @return a writer to a new or truncated UTF-8 file, header written */
    public static EbbflowSeriesWriter open(Path file) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            return new EbbflowSeriesWriter(w);
        } catch (IOException e) {
            w.close();
            throw e;
        }
    }

    /**
     * Writes one row.
     *
     * @param timeMillis the step's start in milliseconds
     * @param series the series' name: not empty, no comma, double quote or line break
     * @param rxBps the average receive rate over the step in bit/s; NaN if not observed
     * @param txBps the average transmit rate over the step in bit/s; NaN if not observed
     * @param taskClass the task or workload class, or null if unknown; same rule as the name
     * @throws IllegalArgumentException if a name is not allowed or a rate is negative or infinite
     */
    public void write(long timeMillis, String series, double rxBps, double txBps, String taskClass)
            throws IOException {
        checkName("series", series);
        if (taskClass != null && !taskClass.isEmpty()) {
            checkName("class", taskClass);
        }
        row.setLength(0);
        row.append(timeMillis).append(',').append(series).append(',');
        appendRate(rxBps);
        row.append(',');
        appendRate(txBps);
        row.append(',');
        if (taskClass != null) {
            row.append(taskClass);
        }
        row.append('\n');
        out.append(row);
        rows++;
    }

    /** @return the number of rows written */
    public long rows() {
        return rows;
    }

    private void appendRate(double bps) {
        if (Double.isNaN(bps)) {
            return;
        }
        if (bps < 0 || Double.isInfinite(bps)) {
            throw new IllegalArgumentException("rate must be finite and >= 0: " + bps);
        }
        if (bps == Math.rint(bps) && bps < 1e15) {
            row.append((long) bps);
        } else {
            row.append(bps);
        }
    }

    private static void checkName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(what + " name must not contain a comma, quote or line break: '"
                        + name + "'");
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
