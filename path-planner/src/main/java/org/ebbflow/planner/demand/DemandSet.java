package org.ebbflow.planner.demand;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebbflow.topology.TopologySnapshot;

/** An immutable list of demands with unique ids, in the order given. */
public final class DemandSet {
    private static final DemandSet EMPTY = new DemandSet(Collections.emptyList());

    private final List<Demand> demands;

    private DemandSet(List<Demand> demands) {
        this.demands = demands;
    }

    /**
     * @param demands the demands, copied
     * @return the set
     * @throws DemandException if two demands share an id
     */
    public static DemandSet of(List<Demand> demands) {
        List<Demand> copy = Collections.unmodifiableList(new ArrayList<>(demands));
        Set<Long> ids = new HashSet<>(copy.size() * 2);
        for (Demand d : copy) {
            if (!ids.add(d.id())) {
                throw DemandException.forDemand(d.id(), "duplicate id");
            }
        }
        return new DemandSet(copy);
    }

    /** @return the set without demands */
    public static DemandSet empty() {
        return EMPTY;
    }

    /** @return the demands in order, unmodifiable */
    public List<Demand> demands() {
        return demands;
    }

    /** @return the number of demands */
    public int size() {
        return demands.size();
    }

    /** @return the demand at {@code index} */
    public Demand get(int index) {
        return demands.get(index);
    }

    /** @return the sum of the upper bounds per class, bits per second */
    public Map<DemandClass, Double> upperBpsByClass() {
        Map<DemandClass, Double> out = new EnumMap<>(DemandClass.class);
        for (Demand d : demands) {
            out.merge(d.demandClass(), d.upperBps(), Double::sum);
        }
        return out;
    }

    /**
     * Checks that every endpoint exists in the topology. O(demands).
     *
     * @throws DemandException naming the first demand whose host or switch index is unknown
     */
    public void validateAgainst(TopologySnapshot topology) {
        for (Demand d : demands) {
            int limit = d.kind() == EndpointKind.HOST ? topology.hostCount() : topology.switchCount();
            String what = d.kind() == EndpointKind.HOST ? "host" : "switch";
            int bad = d.source() >= limit ? d.source() : d.destination() >= limit ? d.destination() : -1;
            if (bad >= 0) {
                throw DemandException.forDemand(d.id(), "unknown " + what + " index " + bad + " (the topology has "
                        + limit + " " + what + (what.equals("switch") ? "es" : "s") + ")");
            }
        }
    }

    /**
     * Validates and indexes the demands for routers. O(n log n).
     *
     * @throws DemandException naming the first demand with an unknown endpoint
     */
    public ResolvedDemands resolve(TopologySnapshot topology) {
        validateAgainst(topology);
        return new ResolvedDemands(topology, this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemandSet && demands.equals(((DemandSet) o).demands);
    }

    @Override
    public int hashCode() {
        return demands.hashCode();
    }

    @Override
    public String toString() {
        return "DemandSet{" + demands.size() + " demands, upper bps by class " + upperBpsByClass() + "}";
    }
}
