package org.ebbflow.predictor.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ebbflow.predictor.TimeSeries;

/** Several data specs read as one list of series, for options such as {@code --data} that may repeat. Immutable. */
public final class DataSpecs {
    private final List<DataSpec> specs;

    private DataSpecs(List<DataSpec> specs) {
        this.specs = Collections.unmodifiableList(new ArrayList<>(specs));
    }

    /**
     * @param texts one spec per element, at least one
     * @throws DataSpecException if there is none or one is invalid (its message names it)
     */
    public static DataSpecs parse(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw new DataSpecException("no data spec given (e.g. " + DataKind.CSV.example() + ")");
        }
        List<DataSpec> out = new ArrayList<>();
        for (String t : texts) {
            out.add(DataSpec.parse(t));
        }
        return new DataSpecs(out);
    }

    /** @return the specs, in the order given */
    public List<DataSpec> specs() {
        return specs;
    }

    /**
     * Reads every spec in order and concatenates their series.
     *
     * @throws DataFormatException if a file is malformed
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public List<TimeSeries> read() {
        List<TimeSeries> out = new ArrayList<>();
        for (DataSpec s : specs) {
            out.addAll(s.read());
        }
        return out;
    }

    @Override
    public String toString() {
        return specs.toString();
    }
}
