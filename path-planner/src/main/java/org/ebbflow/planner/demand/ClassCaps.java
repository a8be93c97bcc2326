package org.ebbflow.planner.demand;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Utilisation caps per demand class, as fractions of link capacity, and the reservation cap. A link may carry at
 * most {@code cap(c) × capacity} in total (all classes together) for every class {@code c} it carries, so a link
 * with latency-sensitive traffic stays below that class's cap whatever else shares it; the sum of guaranteed
 * reservations on a link stays below {@code reservationCap × capacity}. Immutable.
 *
 * <h2>Defaults</h2>
 * <ul>
 *   <li>latency-sensitive {@value #DEFAULT_LATENCY_SENSITIVE_CAP}: queueing delay grows as ρ/(1−ρ) (M/M/1), one
 *   packet's worth at 50% against nine at 90%; GreenTE bounded maximum link utilisation at 50% for the same reason
 *   (anchors §2, recalled).</li>
 *   <li>bulk {@value #DEFAULT_BULK_CAP}: fills links but leaves a tenth for bursts, control traffic and the forecast's
 *   error beyond its quantile.</li>
 *   <li>guaranteed {@value #DEFAULT_GUARANTEED_CAP}, reservations {@value #DEFAULT_RESERVATION_CAP}: reservations are
 *   policed per task (OpenFlow meters), so they may fill a link's capacity minus the others' reservations, but never
 *   more: they are not overbooked.</li>
 * </ul>
 */
public final class ClassCaps {
    /** Default cap of links carrying latency-sensitive demands. */
    public static final double DEFAULT_LATENCY_SENSITIVE_CAP = 0.5;
    /** Default cap of links carrying bulk demands. */
    public static final double DEFAULT_BULK_CAP = 0.9;
    /** Default cap of links carrying guaranteed demands. */
    public static final double DEFAULT_GUARANTEED_CAP = 1.0;
    /** Default cap on the sum of reservations per link. */
    public static final double DEFAULT_RESERVATION_CAP = 1.0;

    private static final ClassCaps DEFAULTS = builder().build();

    private final Map<DemandClass, Double> caps;
    private final double reservationCap;
    private final double[] capByOrdinal;

    private ClassCaps(Builder b) {
        this.caps = new EnumMap<>(b.caps);
        this.reservationCap = checkFraction("reservation cap", b.reservationCap);
        this.capByOrdinal = new double[DemandClass.values().length];
        for (DemandClass c : DemandClass.values()) {
            capByOrdinal[c.ordinal()] = checkFraction(c.token() + " cap", caps.get(c));
        }
    }

    private static double checkFraction(String what, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1]: " + v);
        }
        return v;
    }

    /** @return the defaults: 0.5 latency-sensitive, 0.9 bulk, 1.0 guaranteed, reservations up to 1.0 */
    public static ClassCaps defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the cap of links carrying class {@code c}, a fraction of capacity */
    public double cap(DemandClass c) {
        return capByOrdinal[c.ordinal()];
    }

    /** @return the cap of the class with the given ordinal; for inner loops */
    public double capOfOrdinal(int ordinal) {
        return capByOrdinal[ordinal];
    }

    /** @return the largest fraction of a link's capacity that reservations may take together */
    public double reservationCap() {
        return reservationCap;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassCaps && caps.equals(((ClassCaps) o).caps)
                && reservationCap == ((ClassCaps) o).reservationCap;
    }

    @Override
    public int hashCode() {
        return Objects.hash(caps, reservationCap);
    }

    @Override
    public String toString() {
        return "ClassCaps" + caps + ", reservations " + reservationCap;
    }

    /** Sets caps; unset ones keep their defaults. */
    public static final class Builder {
        private final Map<DemandClass, Double> caps = new EnumMap<>(DemandClass.class);
        private double reservationCap = DEFAULT_RESERVATION_CAP;

        private Builder() {
            caps.put(DemandClass.LATENCY_SENSITIVE, DEFAULT_LATENCY_SENSITIVE_CAP);
            caps.put(DemandClass.BULK, DEFAULT_BULK_CAP);
            caps.put(DemandClass.GUARANTEED, DEFAULT_GUARANTEED_CAP);
        }

        /**
         * @param c a class
         * @param fraction its cap, in (0, 1]
         */
        public Builder cap(DemandClass c, double fraction) {
            caps.put(Objects.requireNonNull(c, "class"), fraction);
            return this;
        }

        /** @param fraction the reservation cap, in (0, 1] */
        public Builder reservationCap(double fraction) {
            this.reservationCap = fraction;
            return this;
        }

        /**
         * @return the caps
         * @throws IllegalArgumentException if a fraction is outside (0, 1]
         */
        public ClassCaps build() {
            return new ClassCaps(this);
        }
    }
}
