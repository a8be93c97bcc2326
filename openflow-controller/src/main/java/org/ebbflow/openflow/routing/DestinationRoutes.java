package org.ebbflow.openflow.routing;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.IpAddress;

/**
 * Where every switch sends packets for one destination address: the output port per switch and the switch's hop
 * distance to the destination's edge switch (0 there). Immutable; equal when the ports are equal.
 */
public final class DestinationRoutes {
    private final IpAddress destination;
    private final Map<DatapathId, Long> ports;
    private final Map<DatapathId, Integer> hops;

    DestinationRoutes(IpAddress destination, Map<DatapathId, Long> ports, Map<DatapathId, Integer> hops) {
        this.destination = Objects.requireNonNull(destination);
        this.ports = Collections.unmodifiableMap(ports);
        this.hops = Collections.unmodifiableMap(hops);
    }

    /** @return the destination address */
    public IpAddress destination() {
        return destination;
    }

    /** @return the output port of each switch that can reach the destination */
    public Map<DatapathId, Long> ports() {
        return ports;
    }

    /** @return the switch's hop distance to the destination's edge switch, or -1 if it cannot reach it */
    public int hops(DatapathId dpid) {
        Integer h = hops.get(dpid);
        return h == null ? -1 : h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationRoutes && ((DestinationRoutes) o).destination.equals(destination)
                && ((DestinationRoutes) o).ports.equals(ports);
    }

    @Override
    public int hashCode() {
        return destination.hashCode() * 31 + ports.hashCode();
    }

    @Override
    public String toString() {
        return destination + " via " + ports.size() + " switches";
    }
}
