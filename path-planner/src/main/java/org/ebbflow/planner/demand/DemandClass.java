package org.ebbflow.planner.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a demand is routed and admitted. Routers place classes in the order declared here: reservations first. */
public enum DemandClass {
    /**
     * Declared bandwidth, as a task declares CPU and memory: admitted only on a path where its rate fits the residual
     * capacity left by other reservations, otherwise refused with a reason; reservations are never overbooked.
     */
    GUARANTEED("guaranteed", "gb"),
    /** Shortest paths only, on links kept below a low utilisation cap. */
    LATENCY_SENSITIVE("latency-sensitive", "ls"),
    /** Any path with room below a high cap; may be moved between plans to consolidate. */
    BULK("bulk", "throughput");

    private final String token;
    private final String alias;

    DemandClass(String token, String alias) {
        this.token = token;
        this.alias = alias;
    }

    /** @return the canonical name used in specs, CSV files and JSON, e.g. {@code latency-sensitive} */
    public String token() {
        return token;
    }

    /**
     * @param text a class name: the token, its short alias ({@code gb}, {@code ls}, {@code throughput}) or the enum
     *     constant, case-insensitive, blanks and underscores ignored
     * @return the class
     * @throws IllegalArgumentException naming the text and the valid names
     */
    public static DemandClass parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DemandClass c : values()) {
                if (c.token.equals(t) || c.alias.equals(t)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown demand class '" + text + "' (valid: " + String.join(", ", tokens())
                + ")");
    }

    /** @return the canonical names, in declaration order */
    public static List<String> tokens() {
        List<String> out = new ArrayList<>();
        for (DemandClass c : values()) {
            out.add(c.token);
        }
        return out;
    }
}
