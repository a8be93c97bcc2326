package org.ebbflow.predictor.learned;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one training run, measured on the validation part (the latest part in time of every series, never
 * trained or calibrated on): losses in normalised units (mean absolute error per window and step), NMAE of the
 * model and of persistence (sum |error| / sum |actual| over all windows and steps, and at steps 1 and H), the coverage
 * of the upper bounds and their excess (mean (bound - actual) / mean actual). Immutable.
 */
public final class TrainingSummary {
    private final Map<String, Object> fields;

    TrainingSummary(Map<String, Object> fields) {
        this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return every figure by name, JSON-able (unmodifiable) */
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return one figure as a number (NaN if absent) */
    public double number(String name) {
        Object v = fields.get(name);
        return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
    }
}
