package org.ebbflow.predictor.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.ebbflow.predictor.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code csv:PATH#COLUMN} specs: one column of a CSV file whose first column is time (see {@link DataSpec}). */
final class CsvSeriesReader {
    private static final Logger log = LoggerFactory.getLogger(CsvSeriesReader.class);

    private CsvSeriesReader() {
    }

    static List<TimeSeries> read(DataSpec spec) {
        Path file = spec.path();
        String column = spec.column();
        TimedCsv t = TimedCsv.read(file, (header, width) -> new int[] {columnIndex(spec, header, width)},
                Double.NaN, spec.scale(1.0));
        Grid g = onGrid(spec, t);
        String name = t.columnName(0);
        log.info("{}: column '{}', {} rows on {} steps of {}", spec, name, t.rows, g.length(),
                Durations.format(g.stepMillis));
        return Collections.singletonList(TimeSeries.of(name, spec.toString(), g.startMillis, g.stepMillis,
                g.values[0], null, "bps"));
    }

    /**
     * Puts the rows of a time table on a grid: a step index is a step number of the spec's step (default
     * {@link DataSpec#DEFAULT_INDEX_STEP_MILLIS}), missing numbers being gaps; absolute times use the spec's step or
     * the median spacing.
     */
    static Grid onGrid(DataSpec spec, TimedCsv t) {
        long step;
        long[] times = t.times;
        if (t.format.isAbsolute()) {
            step = spec.hasStep() ? spec.stepMillis(0) : Grid.medianSpacing(times, t.rows, spec.path());
        } else {
            if (!spec.hasStep()) {
                log.warn("{}: the time column holds step indices; assuming a step of {} (give one with ,step=)",
                        spec, Durations.format(DataSpec.DEFAULT_INDEX_STEP_MILLIS));
            }
            long indexStep = spec.stepMillis(DataSpec.DEFAULT_INDEX_STEP_MILLIS);
            times = new long[t.rows];
            for (int i = 0; i < t.rows; i++) {
                times[i] = Math.multiplyExact(t.times[i], indexStep);
            }
            step = indexStep;
        }
        return Grid.build(times, t.values, t.rows, step, spec.path());
    }

    private static int columnIndex(DataSpec spec, String[] header, int width) {
        String column = spec.column();
        if (column.matches("\\d+")) {
            int i = Integer.parseInt(column);
            if (i > width) {
                throw new DataSpecException(spec + ": column " + i + " does not exist: the file has " + width
                        + " columns");
            }
            return i - 1;
        }
        if (header == null) {
            throw new DataSpecException(spec + ": the file has no header line, so name the column by its 1-based "
                    + "index (2.." + width + ")");
        }
        for (int i = 1; i < header.length; i++) {
            if (header[i].equals(column)) {
                return i;
            }
        }
        for (int i = 1; i < header.length; i++) {
            if (header[i].equalsIgnoreCase(column)) {
                return i;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int i = 1; i < header.length; i++) {
            names.append(i == 1 ? "" : ", ").append('\'').append(header[i]).append('\'');
        }
        throw new DataSpecException(spec + ": no column '" + column + "' in the header (value columns: " + names
                + ")");
    }
}
