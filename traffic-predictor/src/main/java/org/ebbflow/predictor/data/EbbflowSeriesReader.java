package org.ebbflow.predictor.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.predictor.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ebbflow:PATH} specs, the format {@link EbbflowSeriesWriter} writes: per series {@code S/rx} and
 * {@code S/tx} in bit/s, with the series' class. All series share the file's step (the spec's, or the median spacing
 * of the file's distinct times); each spans its own first to last row.
 */
final class EbbflowSeriesReader {
    private static final Logger log = LoggerFactory.getLogger(EbbflowSeriesReader.class);
    private static final String[] FIELDS = {"time_millis", "series", "rx_bps", "tx_bps", "class"};

    private EbbflowSeriesReader() {
    }

    /** One series' rows in file order. */
    private static final class Rows {
        long[] time = new long[64];
        double[] rx = new double[64];
        double[] tx = new double[64];
        int n;
        String taskClass;
        long classLine;

        void add(long t, double r, double x) {
            if (n == time.length) {
                time = Arrays.copyOf(time, n * 2);
                rx = Arrays.copyOf(rx, n * 2);
                tx = Arrays.copyOf(tx, n * 2);
            }
            time[n] = t;
            rx[n] = r;
            tx[n] = x;
            n++;
        }
    }

    static List<TimeSeries> read(DataSpec spec) {
        Path file = spec.path();
        Map<String, Rows> series = new LinkedHashMap<>();
        long[] allTimes = new long[1024];
        int total = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !(header.trim().equals(EbbflowSeriesWriter.HEADER)
                    || header.trim().equals(EbbflowSeriesWriter.HEADER_WITHOUT_CLASS))) {
                throw new DataFormatException(file, 1, null, "expected the header '" + EbbflowSeriesWriter.HEADER
                        + "' (class optional), found '" + (header == null ? "" : header.trim()) + "'");
            }
            int width = header.trim().equals(EbbflowSeriesWriter.HEADER) ? 5 : 4;
            String line;
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.trim().isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != width) {
                    throw new DataFormatException(file, lineNo, null, "expected " + width + " comma-separated "
                            + "fields as in the header, found " + f.length);
                }
                long t;
                try {
                    t = Long.parseLong(f[0].trim());
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file, lineNo, FIELDS[0], "not an integer: '" + f[0] + "'");
                }
                String name = f[1].trim();
                if (name.isEmpty()) {
                    throw new DataFormatException(file, lineNo, FIELDS[1], "empty series name");
                }
                Rows r = series.computeIfAbsent(name, k -> new Rows());
                r.add(t, rate(f[2], file, lineNo, FIELDS[2]), rate(f[3], file, lineNo, FIELDS[3]));
                String cls = width == 5 ? f[4].trim() : "";
                if (r.n == 1) {
                    r.taskClass = cls.isEmpty() ? null : cls;
                    r.classLine = lineNo;
                } else if (!cls.equals(r.taskClass == null ? "" : r.taskClass)) {
                    throw new DataFormatException(file, lineNo, FIELDS[4], "series " + name + " has class '" + cls
                            + "' here but '" + (r.taskClass == null ? "" : r.taskClass) + "' on line " + r.classLine);
                }
                if (total == allTimes.length) {
                    allTimes = Arrays.copyOf(allTimes, total * 2);
                }
                allTimes[total++] = t;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (series.isEmpty()) {
            throw new DataFormatException(file, 0, null, "no data rows after the header");
        }
        long step = spec.hasStep() ? spec.stepMillis(0) : Grid.medianSpacing(allTimes, total, file);
        List<TimeSeries> out = new ArrayList<>(series.size() * 2);
        for (Map.Entry<String, Rows> e : series.entrySet()) {
            Rows r = e.getValue();
            Grid g = Grid.build(r.time, new double[][] {r.rx, r.tx}, r.n, step, file);
            out.add(TimeSeries.of(e.getKey() + "/rx", spec.toString(), g.startMillis, step, g.values[0],
                    r.taskClass, "bps"));
            out.add(TimeSeries.of(e.getKey() + "/tx", spec.toString(), g.startMillis, step, g.values[1],
                    r.taskClass, "bps"));
        }
        log.info("{}: {} series, {} rows, step {}", spec, series.size(), total, Durations.format(step));
        return out;
    }

    private static double rate(String text, Path file, long line, String field) {
        String s = text.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, field, "not a number: '" + s + "'");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new DataFormatException(file, line, field, "rate must be a finite number >= 0: '" + s + "'");
        }
        return v;
    }
}
