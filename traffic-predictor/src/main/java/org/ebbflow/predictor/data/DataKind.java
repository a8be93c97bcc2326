package org.ebbflow.predictor.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The kinds of data a {@link DataSpec} reads, with their spec token and the options each accepts. */
public enum DataKind {
    /** One column of a CSV file whose first column is time: {@code csv:PATH#COLUMN}. */
    CSV("csv", "csv:traffic.csv#2", DataSpec.STEP, DataSpec.SCALE),
    /** Abilene-style origin-destination matrices: time then {@code SRC->DST} columns in Mbit/s. */
    ABILENE("abilene", "abilene:abilene-2004-03-5min.csv", DataSpec.STEP, DataSpec.SCALE),
    /** FIGRET/Facebook pod demand matrices: a {@code .hist} file or a folder of them. */
    FBPOD("fbpod", "fbpod:Facebook_pod_a/train,step=1s", DataSpec.STEP, DataSpec.SCALE),
    /** The Alibaba cluster-trace-v2018 {@code machine_usage} table. */
    ALIBABA("alibaba", "alibaba:machine_usage.csv,step=5m", DataSpec.STEP, DataSpec.MAX_GAP),
    /** ebbflow's own exported port series ({@link EbbflowSeriesWriter}). */
    EBBFLOW("ebbflow", "ebbflow:run/ports.csv", DataSpec.STEP);

    private final String token;
    private final String example;
    private final List<String> options;

    DataKind(String token, String example, String... options) {
        this.token = token;
        this.example = example;
        this.options = Collections.unmodifiableList(Arrays.asList(options));
    }

    /** @return the spec token, e.g. {@code csv} */
    public String token() {
        return token;
    }

    /** @return an example spec of this kind */
    public String example() {
        return example;
    }

    /** @return the option names this kind accepts */
    public List<String> options() {
        return options;
    }

    /** @return every kind's token, in declaration order */
    public static List<String> tokens() {
        List<String> t = new ArrayList<>();
        for (DataKind k : values()) {
            t.add(k.token);
        }
        return t;
    }

    /**
     * @return the kind with this token (case-insensitive)
     * @throws DataSpecException if there is none
     */
    public static DataKind fromToken(String token) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        for (DataKind k : values()) {
            if (k.token.equals(t)) {
                return k;
            }
        }
        throw new DataSpecException("unknown data kind '" + token.trim() + "' (kinds: " + String.join(", ", tokens())
                + ")");
    }
}
