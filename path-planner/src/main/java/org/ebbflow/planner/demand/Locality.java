package org.ebbflow.planner.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far a random demand's destination is from its source, by hop distance between their switches. With hosts:
 * near = the same switch (same edge or leaf), mid = one or two hops (the same fat-tree pod; another leaf of a
 * leaf-spine), far = three hops or more (another pod). Without hosts (endpoints are nodes): near = one hop, mid = two,
 * far = three or more. When the wanted distance has no destination, the generator takes the next one: near, then
 * mid, then far; mid, then far, then near; far, then mid, then near.
 */
public enum Locality {
    /** Same edge or leaf switch (or neighbouring node). */
    NEAR("near"),
    /** Same pod, another edge switch (or a node two hops away). */
    MID("mid"),
    /** Another pod (or a node three or more hops away). */
    FAR("far"),
    /**
     * {@value #MIXED_NEAR_SHARE} near, {@value #MIXED_MID_SHARE} mid, the rest far: between the ≈80% rack-local
     * traffic of cloud data centers (Benson et al., IMC 2010) and the 14% rack-local of Facebook's Hadoop
     * (Roy et al., SIGCOMM 2015).
     */
    MIXED("mixed");

    /** Share of near demands in {@link #MIXED}. */
    public static final double MIXED_NEAR_SHARE = 0.5;
    /** Share of mid demands in {@link #MIXED}. */
    public static final double MIXED_MID_SHARE = 0.3;

    private final String token;

    Locality(String token) {
        this.token = token;
    }

    /** @return the name used in specs */
    public String token() {
        return token;
    }

    /**
     * @param text a locality name, case-insensitive
     * @return the locality
     * @throws IllegalArgumentException naming the text and the valid names
     */
    public static Locality parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<String> valid = new ArrayList<>();
        for (Locality l : values()) {
            if (l.token.equals(t)) {
                return l;
            }
            valid.add(l.token);
        }
        throw new IllegalArgumentException("unknown locality '" + text + "' (valid: " + String.join(", ", valid) + ")");
    }
}
