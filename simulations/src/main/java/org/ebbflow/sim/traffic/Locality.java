package org.ebbflow.sim.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a host's peers are, as shares of rack-local (same switch), pod-local (same pod, another switch) and far
 * (another pod) destinations. The pure patterns are ElasticTree's (Heller et al., NSDI 2010): near keeps traffic under
 * the edge switch, far sends all of it through the core. {@link #MIXED} is the planner's mix (half near, 0.3 mid, 0.2
 * far), between the ≈80% rack-local traffic of cloud data centers (Benson et al., IMC 2010) and Facebook Hadoop's 14%
 * (Roy et al., SIGCOMM 2015). When a wanted group has no host (one host per switch, no pods), the next one is taken:
 * near, then mid, then far; mid, then far, then near; far, then mid, then near.
 */
public enum Locality {
    /** Every peer under the same switch. */
    NEAR("near", 1, 0, 0),
    /** Every peer in the same pod, under another switch. */
    MID("mid", 0, 1, 0),
    /** Every peer in another pod. */
    FAR("far", 0, 0, 1),
    /** Half near, 0.3 mid, 0.2 far. */
    MIXED("mixed", 0.5, 0.3, 0.2);

    /** Group index of rack-local peers. */
    public static final int RACK = 0;
    /** Group index of pod-local peers. */
    public static final int POD = 1;
    /** Group index of peers in other pods. */
    public static final int REMOTE = 2;

    private static final int[][] FALLBACK = {{RACK, POD, REMOTE}, {POD, REMOTE, RACK}, {REMOTE, POD, RACK}};

    private final String token;
    private final double[] shares;

    Locality(String token, double rack, double pod, double remote) {
        this.token = token;
        this.shares = new double[] {rack, pod, remote};
    }

    /** @return the spec name */
    public String token() {
        return token;
    }

    /** @return the share of peers wanted in group {@code g} ({@link #RACK}, {@link #POD}, {@link #REMOTE}) */
    public double share(int g) {
        return shares[g];
    }

    /** @return the groups to try, in order, when group {@code g} is wanted */
    static int[] fallback(int g) {
        return FALLBACK[g];
    }

    /**
     * @param text a name, case-insensitive
     * @return the locality
     * @throws IllegalArgumentException naming the valid names
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
        throw new IllegalArgumentException("unknown locality '" + text + "' (valid: " + String.join(", ", valid)
                + ")");
    }
}
