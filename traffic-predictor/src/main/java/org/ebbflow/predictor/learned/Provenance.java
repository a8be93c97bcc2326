package org.ebbflow.predictor.learned;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a model was made, as Tribuo records it: trainer and hyperparameters, data sources with their time spans, seed,
 * ebbflow version, Java, OS and architecture (floating-point results may differ across platforms), and when. Saved
 * as readable JSON in {@code model.json}. Values are JSON-able: strings, numbers, booleans, lists and maps of them.
 * Immutable.
 */
public final class Provenance {
    private final Map<String, Object> fields;

    private Provenance(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return provenance with exactly these fields (copied; nested values are kept as given) */
    public static Provenance of(Map<String, Object> fields) {
        return new Provenance(Objects.requireNonNull(fields, "fields"));
    }

    /**
     * @param trainer the trainer's name, e.g. {@code mlp}
     * @param hyperparameters every setting of the trainer
     * @param sources one entry per data source ({@link #source})
     * @param seed the seed of every random choice
     * @return provenance with the run's environment filled in
     */
    public static Provenance forTraining(String trainer, Map<String, Object> hyperparameters,
                                         List<Map<String, Object>> sources, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trainer", trainer);
        m.put("hyperparameters", new LinkedHashMap<>(hyperparameters));
        m.put("dataSources", new ArrayList<>(sources));
        m.put("seed", seed);
        m.put("ebbflowVersion", ebbflowVersion());
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("javaVendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("createdAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return new Provenance(m);
    }

    /**
     * @param spec the data spec the series came from
     * @param series how many series it gave
     * @param stepMillis their step
     * @param startMillis the earliest start (epoch ms, 0 for sources without absolute time)
     * @param endMillis the latest end (exclusive)
     * @param usedSteps steps read for training (after any hold-out)
     */
    public static Map<String, Object> source(String spec, int series, long stepMillis, long startMillis,
                                             long endMillis, long usedSteps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec);
        m.put("series", series);
        m.put("stepMillis", stepMillis);
        m.put("start", Instant.ofEpochMilli(startMillis).toString());
        m.put("end", Instant.ofEpochMilli(endMillis).toString());
        m.put("usedSteps", usedSteps);
        return m;
    }

    /** @return the version in the jar's manifest, or {@code dev} when run from classes */
    public static String ebbflowVersion() {
        String v = Provenance.class.getPackage() == null ? null
                : Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** @return every field (unmodifiable) */
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return one field, or null */
    public Object get(String name) {
        return fields.get(name);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
