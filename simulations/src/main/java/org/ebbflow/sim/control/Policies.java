package org.ebbflow.sim.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The policies the simulator can run, by name. {@code always-on} is implemented; {@code reactive},
 * {@code predictive}, {@code oracle} and {@code milp} arrive with the planner and are rejected until then with a
 * clear message.
 */
public final class Policies {
    /** The names of policies that are planned but not available yet. */
    public static final List<String> PLANNED = List.of("reactive", "predictive", "oracle", "milp");

    private static final Map<String, Supplier<ControlPolicy>> AVAILABLE = new LinkedHashMap<>();

    static {
        AVAILABLE.put(AlwaysOnPolicy.NAME, AlwaysOnPolicy::new);
    }

    private Policies() {
    }

    /** @return the names that {@link #create} accepts */
    public static List<String> available() {
        return new ArrayList<>(AVAILABLE.keySet());
    }

    /**
     * @param name a policy name, case-insensitive
     * @return a new instance for one run
     * @throws PolicyNotAvailableException for planned or unknown names, with a one-line message
     */
    public static ControlPolicy create(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Supplier<ControlPolicy> s = AVAILABLE.get(n);
        if (s != null) {
            return s.get();
        }
        if (PLANNED.contains(n)) {
            throw new PolicyNotAvailableException("policy '" + n + "' is not available yet (it arrives with the "
                    + "planner); available: " + String.join(", ", available()));
        }
        throw new PolicyNotAvailableException("unknown policy '" + name + "' (available: "
                + String.join(", ", available()) + "; planned: " + String.join(", ", PLANNED) + ")");
    }

    /**
     * @param list comma-separated names
     * @return new instances, in order
     * @throws PolicyNotAvailableException for a bad name, empty list or duplicate
     */
    public static List<ControlPolicy> createAll(String list) {
        List<ControlPolicy> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String part : (list == null ? "" : list).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            ControlPolicy p = create(part);
            if (seen.contains(p.name())) {
                throw new PolicyNotAvailableException("policy '" + p.name() + "' listed twice");
            }
            seen.add(p.name());
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new PolicyNotAvailableException("no policy given (available: " + String.join(", ", available())
                    + ")");
        }
        return out;
    }
}
