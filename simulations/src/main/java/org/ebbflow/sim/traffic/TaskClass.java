package org.ebbflow.sim.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ebbflow.planner.demand.DemandClass;

/**
 * The workload class a container's traffic carries, as a label on its host endpoint. The tokens are the planner's
 * demand-class names, so a label maps onto a planner class one to one.
 */
public enum TaskClass {
    /** Short request/response traffic, routed on short paths below a low utilisation cap. */
    LATENCY_SENSITIVE("latency-sensitive"),
    /** Throughput traffic, movable, routed below a high cap. */
    BULK("bulk"),
    /** Traffic with a declared, reserved rate (policed to it). */
    GUARANTEED("guaranteed");

    private static final TaskClass[] VALUES = values();

    private final String token;

    TaskClass(String token) {
        this.token = token;
    }

    /** @return the label value, e.g. {@code latency-sensitive} */
    public String token() {
        return token;
    }

    /** @return the planner's class of the same name: how the planner routes and caps this traffic */
    public DemandClass demandClass() {
        switch (this) {
            case LATENCY_SENSITIVE:
                return DemandClass.LATENCY_SENSITIVE;
            case GUARANTEED:
                return DemandClass.GUARANTEED;
            default:
                return DemandClass.BULK;
        }
    }

    /** @return the class with the given ordinal, for arrays of bytes */
    public static TaskClass ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * @param text a token, case-insensitive
     * @return the class
     * @throws IllegalArgumentException naming the valid tokens
     */
    public static TaskClass parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<String> valid = new ArrayList<>();
        for (TaskClass c : VALUES) {
            if (c.token.equals(t)) {
                return c;
            }
            valid.add(c.token);
        }
        throw new IllegalArgumentException("unknown task class '" + text + "' (valid: " + String.join(", ", valid)
                + ")");
    }
}
