package org.ebbflow.sim.net;

import java.util.Locale;

/** How demand beyond a link's capacity is cut (elastic, TCP-like traffic: a path's rate is set end to end). */
public enum CongestionModel {
    /** Every path through an oversubscribed link is scaled by that link's capacity over its load (the worst one). */
    PROPORTIONAL,
    /**
     * Max-min fair shares among the paths crossing oversubscribed links (progressive filling, at most
     * {@link Allocation#MAX_MIN_ROUNDS} rounds; paths still open then keep what they have).
     */
    MAX_MIN;

    /**
     * @param text {@code proportional} or {@code max-min}, case-insensitive
     * @return the model
     */
    public static CongestionModel parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("proportional")) {
            return PROPORTIONAL;
        }
        if (t.equals("max-min") || t.equals("maxmin")) {
            return MAX_MIN;
        }
        throw new IllegalArgumentException("unknown congestion model '" + text + "' (valid: proportional, max-min)");
    }

    /** @return the spec name */
    public String token() {
        return this == PROPORTIONAL ? "proportional" : "max-min";
    }
}
