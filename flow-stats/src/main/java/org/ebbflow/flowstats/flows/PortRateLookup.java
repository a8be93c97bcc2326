package org.ebbflow.flowstats.flows;

import java.util.HashMap;
import java.util.Map;
import org.ebbflow.topology.ConnectPoint;

/**
 * Measured receive rates of switch ports, such as a host's access port (bytes the switch receives from the host,
 * so the host's sending rate). The {@link TrafficMatrixEstimator} uses them to spread destination-only flows over
 * the hosts that may have sent them.
 */
@FunctionalInterface
public interface PortRateLookup {
    /** @return the port's receive rate in bits per second, or NaN if unknown */
    double rxBps(ConnectPoint port);

    /** @return a lookup that knows no port */
    static PortRateLookup none() {
        return port -> Double.NaN;
    }

    /** @return a lookup over a copy of the map; ports absent or mapped to null are unknown */
    static PortRateLookup of(Map<ConnectPoint, Double> rxBps) {
        Map<ConnectPoint, Double> copy = new HashMap<>(rxBps);
        return port -> {
            Double v = copy.get(port);
            return v == null ? Double.NaN : v;
        };
    }
}
