package org.ebbflow.planner.demand;

import java.util.Locale;
import java.util.Objects;

/**
 * Traffic from one endpoint to another over the planning horizon: a mean rate and an upper bound in bits per second
 * (routers plan on the upper bound, as the power policy does), and a class. For a {@link DemandClass#GUARANTEED}
 * demand the upper bound is the declared, reserved rate. The id names the demand across plans: flow rules, reroute
 * counts and plan diffs match demands by id. Immutable.
 */
public final class Demand {
    private final long id;
    private final EndpointKind kind;
    private final int source;
    private final int destination;
    private final double meanBps;
    private final double upperBps;
    private final DemandClass demandClass;

    private Demand(long id, EndpointKind kind, int source, int destination, double meanBps, double upperBps,
                   DemandClass demandClass) {
        this.id = id;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.demandClass = Objects.requireNonNull(demandClass, "demandClass");
        if (source < 0 || destination < 0) {
            throw DemandException.forDemand(id, "negative endpoint index " + Math.min(source, destination));
        }
        if (source == destination) {
            throw DemandException.forDemand(id, "source and destination are the same "
                    + kind.name().toLowerCase(Locale.ROOT) + " " + source);
        }
        if (!(meanBps >= 0) || meanBps == Double.POSITIVE_INFINITY) {
            throw DemandException.forDemand(id, "rate must be finite and not negative: " + meanBps + " bps");
        }
        if (!(upperBps >= meanBps) || upperBps == Double.POSITIVE_INFINITY) {
            throw DemandException.forDemand(id, "upper bound " + upperBps + " bps must be finite and at least the mean "
                    + meanBps + " bps");
        }
        this.source = source;
        this.destination = destination;
        this.meanBps = meanBps;
        this.upperBps = upperBps;
    }

    /**
     * @param id the demand's id, unique within its set
     * @param srcHost the source host's index in the snapshot
     * @param dstHost the destination host's index, different from the source
     * @param meanBps expected rate, bits per second, finite and not negative
     * @param upperBps upper bound, at least the mean (for guaranteed demands: the declared rate)
     * @param demandClass how to route and admit it
     * @throws DemandException naming the demand if a value is out of range
     */
    public static Demand betweenHosts(long id, int srcHost, int dstHost, double meanBps, double upperBps,
                                      DemandClass demandClass) {
        return new Demand(id, EndpointKind.HOST, srcHost, dstHost, meanBps, upperBps, demandClass);
    }

    /** Like {@link #betweenHosts} with switch indices, for topologies without hosts. */
    public static Demand betweenSwitches(long id, int srcSwitch, int dstSwitch, double meanBps, double upperBps,
                                         DemandClass demandClass) {
        return new Demand(id, EndpointKind.SWITCH, srcSwitch, dstSwitch, meanBps, upperBps, demandClass);
    }

    /** @return the id, unique within its set */
    public long id() {
        return id;
    }

    /** @return what {@link #source()} and {@link #destination()} index */
    public EndpointKind kind() {
        return kind;
    }

    /** @return the source host or switch index */
    public int source() {
        return source;
    }

    /** @return the destination host or switch index */
    public int destination() {
        return destination;
    }

    /** @return the expected rate, bits per second */
    public double meanBps() {
        return meanBps;
    }

    /** @return the upper bound (the declared rate of a guaranteed demand), bits per second; what routers plan on */
    public double upperBps() {
        return upperBps;
    }

    /** @return the class */
    public DemandClass demandClass() {
        return demandClass;
    }

    /** @return the same demand with another id */
    public Demand withId(long newId) {
        return new Demand(newId, kind, source, destination, meanBps, upperBps, demandClass);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Demand)) {
            return false;
        }
        Demand d = (Demand) o;
        return id == d.id && kind == d.kind && source == d.source && destination == d.destination
                && Double.compare(meanBps, d.meanBps) == 0 && Double.compare(upperBps, d.upperBps) == 0
                && demandClass == d.demandClass;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, source, destination, meanBps, upperBps, demandClass);
    }

    @Override
    public String toString() {
        return "Demand{" + id + ": " + kind + " " + source + "->" + destination + ", " + meanBps + "/" + upperBps
                + " bps, " + demandClass.token() + "}";
    }
}
