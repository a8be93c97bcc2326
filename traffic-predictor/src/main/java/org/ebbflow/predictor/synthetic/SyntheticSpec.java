package org.ebbflow.predictor.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ebbflow.predictor.TimeSeries;

/**
 * The data spec of generated traffic: {@code synthetic:series=N,length=STEPS,seed=S[,classes=A+B+C]} (defaults:
 * 200 series of 3,000 steps, seed 11, no classes). See {@link DataCenterTraffic}.
 */
public final class SyntheticSpec {
    /** The spec prefix. */
    public static final String PREFIX = "synthetic:";

    private SyntheticSpec() {
    }

    /** @return true if the text is a synthetic spec */
    public static boolean isSynthetic(String text) {
        return text != null && text.trim().startsWith(PREFIX);
    }

    /**
     * @throws IllegalArgumentException naming the part at fault
     */
    public static DataCenterTraffic parse(String text) {
        if (!isSynthetic(text)) {
            throw new IllegalArgumentException("not a synthetic spec: '" + text + "'");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        String body = text.trim().substring(PREFIX.length());
        if (!body.isEmpty()) {
            for (String part : body.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("synthetic spec '" + text + "': expected name=value, found '"
                            + part + "'");
                }
                String key = part.substring(0, eq).trim();
                if (!Arrays.asList("series", "length", "seed", "classes").contains(key)) {
                    throw new IllegalArgumentException("synthetic spec '" + text + "': unknown option '" + key
                            + "' (known: series, length, seed, classes)");
                }
                kv.put(key, part.substring(eq + 1).trim());
            }
        }
        List<String> classes = new ArrayList<>();
        if (kv.containsKey("classes") && !kv.get("classes").isEmpty()) {
            classes.addAll(Arrays.asList(kv.get("classes").split("\\+")));
        }
        try {
            return DataCenterTraffic.of(Integer.parseInt(kv.getOrDefault("series", "200")),
                    Integer.parseInt(kv.getOrDefault("length", "3000")), Long.parseLong(kv.getOrDefault("seed", "11")),
                    classes);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic spec '" + text + "': not an integer: " + e.getMessage());
        }
    }

    /** @return the series of a spec */
    public static List<TimeSeries> read(String text) {
        return parse(text).generate();
    }
}
