package org.ebbflow.topology.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.ebbflow.topology.TopologySnapshot;

/** An SNDlib instance as loaded: the network as a snapshot plus its static demand matrix. Immutable. */
public final class SndlibNetwork {
    private final TopologySnapshot snapshot;
    private final List<Demand> demands;
    private final String unit;

    /**
     * @param snapshot the network
     * @param demands the demands in file order
     * @param unit the file's unit, such as {@code MBITPERSEC}
     */
    SndlibNetwork(TopologySnapshot snapshot, List<Demand> demands, String unit) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.demands = Collections.unmodifiableList(new ArrayList<>(demands));
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /** @return the network: one switch per node, named by its SNDlib id, two directed links per SNDlib link */
    public TopologySnapshot snapshot() {
        return snapshot;
    }

    /** @return the demands in file order, unmodifiable; empty if the file has none */
    public List<Demand> demands() {
        return demands;
    }

    /**
     * @return the unit the file's capacities and demand values were given in ({@code BITSPERSEC}, {@code KBITPERSEC},
     *     {@code MBITPERSEC} or {@code GBITPERSEC}); {@code MBITPERSEC} when the file names none. Everything this
     *     object returns is already converted to bits per second.
     */
    public String unit() {
        return unit;
    }

    @Override
    public String toString() {
        return "SndlibNetwork{" + snapshot + ", demands=" + demands.size() + ", unit=" + unit + "}";
    }

    /** One static demand: a rate from one node to another. Immutable. */
    public static final class Demand {
        private final String id;
        private final String source;
        private final String target;
        private final double bps;

        /**
         * @param id the SNDlib demand id, or null if the file gives none
         * @param source the source node id, which is also its switch's name
         * @param target the target node id, which is also its switch's name
         * @param bps the demand in bits per second, finite and not negative
         */
        public Demand(String id, String source, String target, double bps) {
            this.id = id;
            this.source = Objects.requireNonNull(source, "source");
            this.target = Objects.requireNonNull(target, "target");
            if (!(bps >= 0 && bps < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("demand must be finite and not negative: " + bps);
            }
            this.bps = bps;
        }

        /**
         * @return the SNDlib demand id, or null if the file gives none; some instances (ta1, ta2, zib54) have several
         *     demands between the same pair, told apart only by this id
         */
        public String id() {
            return id;
        }

        /** @return the source node id, equal to the source switch's name */
        public String source() {
            return source;
        }

        /** @return the target node id, equal to the target switch's name */
        public String target() {
            return target;
        }

        /** @return the demanded rate in bits per second */
        public double bps() {
            return bps;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Demand)) {
                return false;
            }
            Demand d = (Demand) o;
            return Objects.equals(id, d.id) && source.equals(d.source) && target.equals(d.target)
                    && Double.compare(bps, d.bps) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, source, target, bps);
        }

        @Override
        public String toString() {
            return (id == null ? "" : id + ": ") + source + "->" + target + " " + bps + " bps";
        }
    }
}
