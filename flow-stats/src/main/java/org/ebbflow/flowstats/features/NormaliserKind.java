package org.ebbflow.flowstats.features;

/** The kinds of {@link Normaliser}, each with the stable identifier model files record. */
public enum NormaliserKind {
    /** {@link MinMaxNormaliser}: (x - min) / (max - min). */
    MIN_MAX("min-max"),
    /** {@link ZScoreNormaliser}: (x - mean) / standard deviation. */
    Z_SCORE("z-score"),
    /** {@link RobustNormaliser}: (x - median) / interquartile range, optionally after log1p. */
    ROBUST("robust");

    private final String id;

    NormaliserKind(String id) {
        this.id = id;
    }

    /** @return the stable identifier, e.g. {@code min-max} */
    public String id() {
        return id;
    }

    /**
     * @return the kind with this identifier
     * @throws IllegalArgumentException naming the known identifiers if there is none
     */
    public static NormaliserKind fromId(String id) {
        for (NormaliserKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown normaliser kind '" + id + "' (known: min-max, z-score, robust)");
    }
}
