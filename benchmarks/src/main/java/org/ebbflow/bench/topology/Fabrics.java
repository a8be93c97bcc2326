package org.ebbflow.bench.topology;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEvents;
import org.ebbflow.topology.discovery.TopologyManager;

/** Fixtures shared by the topology benchmarks and their sanity test. */
public final class Fabrics {
    private Fabrics() {
    }

    /**
     * @param fabric a generated network
     * @return a new manager fed {@code DiscoveryEvents.describe(fabric, 0)}: it holds every switch, port, active link
     *     and host of the fabric, and nothing else
     */
    public static TopologyManager discovered(TopologySnapshot fabric) {
        TopologyManager manager = new TopologyManager();
        for (DiscoveryEvent e : DiscoveryEvents.describe(fabric, 0)) {
            manager.accept(e);
        }
        return manager;
    }
}
