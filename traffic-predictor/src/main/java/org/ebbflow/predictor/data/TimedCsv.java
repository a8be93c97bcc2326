package org.ebbflow.predictor.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV file whose first column is time into rows of selected numeric columns. The first non-blank line is a
 * header when its first field is not a time. Every row must have as many fields as the header (or as the first row
 * when there is none); blank lines are skipped. A cell that is empty or {@code NaN} reads the table's empty value;
 * a negative or infinite number is treated as missing (NaN), counted and logged once at WARN with its place; text
 * that is not a number is a {@link DataFormatException} naming file, line and column.
 */
final class TimedCsv {
    private static final Logger log = LoggerFactory.getLogger(TimedCsv.class);

    /** Chooses the value columns once the header (or the first row's width) is known. */
    interface Selector {
        /**
         * @param header the header's fields, or null if the file has none
         * @param width the number of fields per row
         * @return the 0-based indexes of the columns to read (never 0, the time column)
         * @throws DataSpecException if the spec's column is not in the file
         */
        int[] select(String[] header, int width);
    }

    final String[] header;
    final int[] selected;
    final TimeFormat format;
    final long[] times;
    /** [selected column][row] */
    final double[][] values;
    final int rows;

    private TimedCsv(String[] header, int[] selected, TimeFormat format, long[] times, double[][] values, int rows) {
        this.header = header;
        this.selected = selected;
        this.format = format;
        this.times = times;
        this.values = values;
        this.rows = rows;
    }

    /** @return the name of selected column {@code k}: its header name, or {@code column N} (1-based) */
    String columnName(int k) {
        return header != null ? header[selected[k]] : "column " + (selected[k] + 1);
    }

    /**
     * @param emptyValue what an empty cell reads: NaN (a gap) or 0 (absent demand)
     * @param scale factor applied to every value read
     */
    static TimedCsv read(Path file, Selector selector, double emptyValue, double scale) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file, selector, emptyValue, scale);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static TimedCsv read(BufferedReader in, Path file, Selector selector, double emptyValue, double scale)
            throws IOException {
        String[] header = null;
        int[] selected = null;
        int width = -1;
        TimeFormat format = null;
        long[] times = new long[1024];
        double[][] values = null;
        int n = 0;
        long lineNo = 0;
        long dropped = 0;
        String firstDrop = null;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.trim().isEmpty()) {
                continue;
            }
            String[] f = split(line, file, lineNo);
            if (width < 0) {
                width = f.length;
                if (width < 2) {
                    throw new DataFormatException(file, lineNo, null, "expected a time column and at least one "
                            + "value column, found " + width + " field");
                }
                if (!looksLikeTime(f[0])) {
                    header = f;
                    selected = selector.select(header, width);
                    values = new double[selected.length][1024];
                    continue;
                }
                selected = selector.select(null, width);
                values = new double[selected.length][1024];
            }
            if (f.length != width) {
                throw new DataFormatException(file, lineNo, null, "expected " + width + " comma-separated fields"
                        + (header != null ? " as in the header" : " as in the first row") + ", found " + f.length);
            }
            String timeName = header != null ? header[0] : "column 1";
            if (format == null) {
                try {
                    format = TimeFormat.detect(f[0]);
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException(file, lineNo, timeName, e.getMessage());
                }
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                for (int k = 0; k < values.length; k++) {
                    values[k] = Arrays.copyOf(values[k], n * 2);
                }
            }
            try {
                times[n] = format.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, lineNo, timeName, e.getMessage());
            }
            for (int k = 0; k < selected.length; k++) {
                String cell = f[selected[k]];
                double v;
                if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
                    v = emptyValue;
                } else {
                    try {
                        v = Double.parseDouble(cell) * scale;
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file, lineNo, header != null ? header[selected[k]]
                                : "column " + (selected[k] + 1), "not a number: '" + cell + "'");
                    }
                    if (v < 0 || Double.isInfinite(v)) {
                        if (dropped++ == 0) {
                            firstDrop = file + ":" + lineNo + ": " + (header != null ? header[selected[k]]
                                    : "column " + (selected[k] + 1)) + ": '" + cell + "'";
                        }
                        v = Double.NaN;
                    }
                }
                values[k][n] = v;
            }
            n++;
        }
        if (width < 0 || selected == null) {
            throw new DataFormatException(file, 0, null, "no data: the file is empty");
        }
        if (n == 0) {
            throw new DataFormatException(file, 0, null, "no data rows after the header");
        }
        if (dropped > 0) {
            log.warn("{} negative or infinite values read as missing, the first at {}", dropped, firstDrop);
        }
        return new TimedCsv(header, selected, format, times, values, n);
    }

    private static String[] split(String line, Path file, long lineNo) {
        try {
            return CsvLine.split(line);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, lineNo, null, e.getMessage());
        }
    }

    private static boolean looksLikeTime(String field) {
        try {
            TimeFormat.detect(field);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
