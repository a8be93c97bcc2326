package org.ebbflow.bench.flowstats;

import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.topology.generate.FatTree;

/** The port set of a k-ary fat-tree, registered once per benchmark trial. */
final class K48Ports {
    private K48Ports() {
    }

    /** @return a registry holding every switch port of the fat-tree (138,240 ports at k=48) */
    static PortRegistry registry(int k) {
        return PortRegistry.of(FatTree.build(k));
    }

    /**
     * Deterministic per-port traffic: port p sends about (p mod 97 + 1)% of 1 Gbit/s, in bytes per 5 s poll, so
     * counters grow differently per port and no rate is above capacity.
     */
    static long bytesPerPoll(int port) {
        return (port % 97 + 1) * 6_250_000L;
    }
}
