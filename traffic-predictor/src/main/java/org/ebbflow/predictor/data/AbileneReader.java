package org.ebbflow.predictor.data;

import java.util.ArrayList;
import java.util.List;
import org.ebbflow.predictor.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code abilene:PATH} specs: a CSV with a header, time first, then {@code SRC->DST} columns in Mbit/s; every
 * such column is a series named after it, in bit/s; empty cells are absent demands (0). Columns of another name are
 * ignored and logged at WARN. See {@link DataSpec}.
 */
final class AbileneReader {
    /** Mbit/s to bit/s. */
    static final double DEFAULT_SCALE = 1e6;

    private static final Logger log = LoggerFactory.getLogger(AbileneReader.class);

    private AbileneReader() {
    }

    static List<TimeSeries> read(DataSpec spec) {
        TimedCsv t = TimedCsv.read(spec.path(), (header, width) -> pairColumns(spec, header), 0.0,
                spec.scale(DEFAULT_SCALE));
        Grid g = CsvSeriesReader.onGrid(spec, t);
        List<TimeSeries> out = new ArrayList<>(t.selected.length);
        for (int k = 0; k < t.selected.length; k++) {
            out.add(TimeSeries.of(t.columnName(k), spec.toString(), g.startMillis, g.stepMillis, g.values[k], null,
                    "bps"));
        }
        log.info("{}: {} pairs, {} rows on {} steps of {}", spec, out.size(), t.rows, g.length(),
                Durations.format(g.stepMillis));
        return out;
    }

    private static int[] pairColumns(DataSpec spec, String[] header) {
        if (header == null) {
            throw new DataFormatException(spec.path(), 1, null, "expected a header line: time, then SRC->DST "
                    + "columns");
        }
        List<Integer> cols = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            int arrow = header[i].indexOf("->");
            if (arrow > 0 && arrow < header[i].length() - 2) {
                cols.add(i);
            } else {
                ignored.add(header[i]);
            }
        }
        if (cols.isEmpty()) {
            throw new DataFormatException(spec.path(), 1, null, "no SRC->DST column in the header");
        }
        if (!ignored.isEmpty()) {
            log.warn("{}: ignoring {} columns that are not SRC->DST pairs: {}", spec, ignored.size(), ignored);
        }
        int[] out = new int[cols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cols.get(i);
        }
        return out;
    }
}
