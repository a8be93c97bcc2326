package org.ebbflow.onos.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Traffic an operator or orchestrator declares between two hosts (containers), by MAC address: a class
 * ({@code guaranteed}, {@code latency-sensitive} or {@code bulk}) and a rate in bits per second (for guaranteed
 * demands the reservation). Immutable.
 */
public final class DeclaredDemand {
    private final String srcMac;
    private final String dstMac;
    private final String demandClass;
    private final double rateBps;

    private DeclaredDemand(String srcMac, String dstMac, String demandClass, double rateBps) {
        this.srcMac = srcMac;
        this.dstMac = dstMac;
        this.demandClass = demandClass;
        this.rateBps = rateBps;
    }

    /**
     * @param srcMac source host MAC, {@code 00:00:00:00:00:01}
     * @param dstMac destination host MAC, different from the source
     * @param demandClass the class token
     * @param rateBps bits per second, finite and not negative
     * @throws IllegalArgumentException if a value is missing or out of range
     */
    public static DeclaredDemand of(String srcMac, String dstMac, String demandClass, double rateBps) {
        String s = mac(srcMac, "srcMac");
        String d = mac(dstMac, "dstMac");
        if (s.equals(d)) {
            throw new IllegalArgumentException("srcMac and dstMac are the same: " + s);
        }
        if (demandClass == null || demandClass.trim().isEmpty()) {
            throw new IllegalArgumentException("class is missing");
        }
        if (!(rateBps >= 0) || Double.isInfinite(rateBps)) {
            throw new IllegalArgumentException("rateBps must be finite and not negative: " + rateBps);
        }
        return new DeclaredDemand(s, d, demandClass.trim().toLowerCase(Locale.ROOT), rateBps);
    }

    private static String mac(String text, String field) {
        if (text == null || !text.trim().matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
            throw new IllegalArgumentException(field + " is not a MAC address: '" + text + "'");
        }
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /** @return the source MAC, lower case */
    public String srcMac() {
        return srcMac;
    }

    /** @return the destination MAC, lower case */
    public String dstMac() {
        return dstMac;
    }

    /** @return the class token as given, lower case */
    public String demandClass() {
        return demandClass;
    }

    /** @return the rate, bits per second */
    public double rateBps() {
        return rateBps;
    }

    /** @return the JSON-able form: srcMac, dstMac, class, rateBps */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("srcMac", srcMac);
        m.put("dstMac", dstMac);
        m.put("class", demandClass);
        m.put("rateBps", rateBps);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeclaredDemand)) {
            return false;
        }
        DeclaredDemand d = (DeclaredDemand) o;
        return srcMac.equals(d.srcMac) && dstMac.equals(d.dstMac) && demandClass.equals(d.demandClass)
                && Double.compare(rateBps, d.rateBps) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(srcMac, dstMac, demandClass, rateBps);
    }

    @Override
    public String toString() {
        return srcMac + " -> " + dstMac + " " + demandClass + " " + rateBps + " bps";
    }
}
