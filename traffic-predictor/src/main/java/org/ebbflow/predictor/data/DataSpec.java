package org.ebbflow.predictor.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebbflow.predictor.TimeSeries;

/**
 * Where to read series from, as one line of text: {@code KIND:PATH[#COLUMN][,NAME=VALUE]...}. Immutable.
 *
 * <p><b>Kinds</b> ({@link DataKind}):
 * <ul>
 *   <li>{@code csv:PATH#COLUMN}: one series, the column given by its header name or 1-based index (column 1 is
 *       time, so at least 2). Time: epoch seconds or milliseconds, ISO-8601, {@code yyyyMMdd-HHmm} or plain step
 *       indices. The step is the median spacing of the times (for step indices, {@code step=} or 1 s); irregular
 *       rows go to the nearest step of that grid, rows sharing a step are averaged, steps without a row are NaN.
 *       Values are taken as bit/s (times {@code scale}); an empty cell is a gap.</li>
 *   <li>{@code abilene:PATH}: every {@code SRC->DST} column is a series named so; values in Mbit/s, made bit/s
 *       (default {@code scale=1e6}); an empty cell is an absent demand, 0. Time as for csv (normally
 *       {@code yyyyMMdd-HHmm}).</li>
 *   <li>{@code fbpod:PATH}: a {@code .hist} file or a folder of them read in numeric order of their names
 *       ({@code 1.hist, 2.hist, ..., 10.hist}), each continuing the previous one. One N×N matrix per line, row-major,
 *       whitespace-separated integers or decimals, N inferred from the count; every off-diagonal pair is a series
 *       {@code i->j} (0-based). The step is not in the files: 1 s unless {@code step=} says otherwise; time starts
 *       at 0. Unit {@code units} (the data set's demand units, times {@code scale}).</li>
 *   <li>{@code alibaba:PATH}: the cluster-trace-v2018 {@code machine_usage} table; per machine {@code M/net_in} and
 *       {@code M/net_out}, differenced with counter semantics and resampled to {@code step} (default 5 min) by
 *       time-weighted averaging; intervals between samples longer than {@code maxGap} (default 10 min) are left
 *       out, so long silences are NaN. Unit {@code units/s} (the trace's counters are normalised).</li>
 *   <li>{@code ebbflow:PATH}: ebbflow's exported port series ({@link EbbflowSeriesWriter}); per series
 *       {@code S/rx} and {@code S/tx} in bit/s; step from the median spacing unless {@code step=} is given.</li>
 * </ul>
 *
 * <p><b>Options</b>, after the path: {@code step=DURATION} ({@code 500ms}, {@code 1s}, {@code 5m}, {@code 1h}),
 * {@code scale=NUMBER} (a positive factor applied to every value), {@code maxGap=DURATION} (alibaba). A path may
 * contain commas: only trailing {@code ,name=value} parts are read as options. For csv the column follows the last
 * {@code #}.
 *
 * <p>All times without an offset are UTC.
 */
public final class DataSpec {
    /** Option: the grid step. */
    public static final String STEP = "step";
    /** Option: a factor applied to every value. */
    public static final String SCALE = "scale";
    /** Option: longest interval between two samples that still makes a rate (alibaba). */
    public static final String MAX_GAP = "maxGap";

    /** The fbpod step when the spec gives none: the data set does not document its step. */
    public static final long DEFAULT_FBPOD_STEP_MILLIS = 1_000;
    /** The alibaba step when the spec gives none. */
    public static final long DEFAULT_ALIBABA_STEP_MILLIS = 300_000;
    /** The alibaba longest interval when the spec gives none. */
    public static final long DEFAULT_ALIBABA_MAX_GAP_MILLIS = 600_000;
    /** The step of a time column of step indices when the spec gives none. */
    public static final long DEFAULT_INDEX_STEP_MILLIS = 1_000;

    private static final Pattern OPTION = Pattern.compile(",\\s*([A-Za-z]+)\\s*=\\s*([^,]*)$");

    private final DataKind kind;
    private final Path path;
    private final String column;
    private final Map<String, String> options;

    private DataSpec(DataKind kind, Path path, String column, Map<String, String> options) {
        this.kind = kind;
        this.path = path;
        this.column = column;
        this.options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /**
     * Parses and validates a spec, and checks that its file (or, for fbpod, file or folder) exists.
     *
     * @param text e.g. {@code csv:it_eu_5m.csv#traffic (in bits)} or {@code fbpod:pods/train,step=1s}
     * @return the spec
     * @throws DataSpecException if the text is null, blank or invalid, or the file does not exist; the message is
     *     one line naming the problem
     */
    public static DataSpec parse(String text) {
        if (text == null || text.trim().isEmpty()) {
            throw new DataSpecException("empty data spec (expected KIND:PATH, e.g. " + DataKind.CSV.example()
                    + "; kinds: " + String.join(", ", DataKind.tokens()) + ")");
        }
        String s = text.trim();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new DataSpecException("data spec '" + s + "' has no kind (expected KIND:PATH, e.g. "
                    + DataKind.CSV.example() + "; kinds: " + String.join(", ", DataKind.tokens()) + ")");
        }
        DataKind kind = DataKind.fromToken(s.substring(0, colon));
        String body = s.substring(colon + 1);
        Map<String, String> options = new TreeMap<>();
        Matcher m = OPTION.matcher(body);
        while (m.find()) {
            String name = m.group(1);
            if (!kind.options().contains(name)) {
                throw new DataSpecException("unknown " + kind.token() + " option '" + name + "' in '" + s
                        + "' (options: " + String.join(", ", kind.options()) + ")");
            }
            if (options.put(name, m.group(2).trim()) != null) {
                throw new DataSpecException("option '" + name + "' given twice in '" + s + "'");
            }
            body = body.substring(0, m.start());
            m = OPTION.matcher(body);
        }
        String column = null;
        if (kind == DataKind.CSV) {
            int hash = body.lastIndexOf('#');
            if (hash < 0 || body.substring(hash + 1).trim().isEmpty()) {
                throw new DataSpecException("csv spec '" + s + "' needs a column after '#': a header name or a "
                        + "1-based index, e.g. " + DataKind.CSV.example());
            }
            column = body.substring(hash + 1).trim();
            body = body.substring(0, hash);
            if (column.matches("\\d+") && Integer.parseInt(column) < 2) {
                throw new DataSpecException("csv spec '" + s + "': column " + column + " is the time column; "
                        + "value columns start at 2");
            }
        }
        if (body.trim().isEmpty()) {
            throw new DataSpecException(kind.token() + " spec '" + s + "' needs a path, e.g. " + kind.example());
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            validate(s, e.getKey(), e.getValue());
        }
        Path path = Paths.get(body.trim());
        boolean ok = kind == DataKind.FBPOD ? Files.exists(path) : Files.isRegularFile(path);
        if (!ok || !Files.isReadable(path)) {
            throw new DataSpecException("no such " + (kind == DataKind.FBPOD ? "file or folder" : "file") + ": "
                    + path + " (in data spec '" + s + "')");
        }
        return new DataSpec(kind, path, column, options);
    }

    private static void validate(String spec, String name, String value) {
        try {
            if (name.equals(SCALE)) {
                double v = Double.parseDouble(value);
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("must be a positive number");
                }
            } else {
                Durations.parseMillis(value);
            }
        } catch (IllegalArgumentException e) {
            throw new DataSpecException("data spec '" + spec + "': bad " + name + " '" + value + "': "
                    + e.getMessage());
        }
    }

    /** @return the kind */
    public DataKind kind() {
        return kind;
    }

    /** @return the file (or, for fbpod, file or folder) */
    public Path path() {
        return path;
    }

    /** @return the csv column as written (header name or 1-based index), null for other kinds */
    public String column() {
        return column;
    }

    /** @return the options given, by name (unmodifiable, sorted) */
    public Map<String, String> options() {
        return options;
    }

    /** @return the {@code step} option in milliseconds, or {@code fallback} if not given */
    public long stepMillis(long fallback) {
        String v = options.get(STEP);
        return v == null ? fallback : Durations.parseMillis(v);
    }

    /** @return true if the spec gives a step */
    public boolean hasStep() {
        return options.containsKey(STEP);
    }

    /** @return the {@code scale} option, or {@code fallback} if not given */
    public double scale(double fallback) {
        String v = options.get(SCALE);
        return v == null ? fallback : Double.parseDouble(v);
    }

    /** @return the {@code maxGap} option in milliseconds, or {@code fallback} if not given */
    public long maxGapMillis(long fallback) {
        String v = options.get(MAX_GAP);
        return v == null ? fallback : Durations.parseMillis(v);
    }

    /**
     * Reads the series. Each series' {@link TimeSeries#source()} is this spec's text.
     *
     * @return the series in file order (csv: one; abilene: column order; fbpod: row-major pair order; alibaba and
     *     ebbflow: order of first appearance, in before out / rx before tx)
     * @throws DataFormatException if the content is malformed, naming file, line and field
     * @throws DataSpecException if the csv column is not in the file
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public List<TimeSeries> read() {
        switch (kind) {
            case CSV:
                return CsvSeriesReader.read(this);
            case ABILENE:
                return AbileneReader.read(this);
            case FBPOD:
                return FbPodReader.read(this);
            case ALIBABA:
                return AlibabaSeriesReader.read(this);
            case EBBFLOW:
                return EbbflowSeriesReader.read(this);
            default:
                throw new AssertionError(kind);
        }
    }

    /** @return the canonical text, which {@link #parse(String)} reads back to an equal spec */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.token()).append(':').append(path);
        if (column != null) {
            sb.append('#').append(column);
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            sb.append(',').append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataSpec)) {
            return false;
        }
        DataSpec d = (DataSpec) o;
        return kind == d.kind && path.equals(d.path) && Objects.equals(column, d.column) && options.equals(d.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, column, options);
    }
}
