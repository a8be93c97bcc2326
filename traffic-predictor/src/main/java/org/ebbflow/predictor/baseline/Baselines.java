package org.ebbflow.predictor.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ebbflow.predictor.TrafficPredictor;

/** The four baselines by name, with their defaults, for commands and evaluations. */
public final class Baselines {
    /** The baselines' names, in report order. */
    public static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(Persistence.NAME, Ewma.NAME,
            Holt.NAME, SeasonalNaive.NAME));

    private Baselines() {
    }

    /** @return true if {@code name} is one of {@link #NAMES} */
    public static boolean isBaseline(String name) {
        return NAMES.contains(name);
    }

    /**
     * @param name one of {@link #NAMES}
     * @param stepMillis the series' step in milliseconds
     * @param horizon H, at least 1
     * @return the baseline with its defaults
     * @throws IllegalArgumentException if the name is not a baseline's
     */
    public static TrafficPredictor create(String name, long stepMillis, int horizon) {
        switch (name) {
            case Persistence.NAME:
                return Persistence.create(stepMillis, horizon);
            case Ewma.NAME:
                return Ewma.create(stepMillis, horizon);
            case Holt.NAME:
                return Holt.create(stepMillis, horizon);
            case SeasonalNaive.NAME:
                return SeasonalNaive.create(stepMillis, horizon);
            default:
                throw new IllegalArgumentException("unknown baseline '" + name + "' (baselines: "
                        + String.join(", ", NAMES) + ")");
        }
    }

    /** @return every baseline with its defaults, in {@link #NAMES} order */
    public static List<TrafficPredictor> all(long stepMillis, int horizon) {
        List<TrafficPredictor> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(create(n, stepMillis, horizon));
        }
        return out;
    }
}
