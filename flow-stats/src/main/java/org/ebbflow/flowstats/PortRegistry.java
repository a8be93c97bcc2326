package org.ebbflow.flowstats;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Numbers switch ports densely from 0 so that trackers and stores can keep per-port state in primitive arrays.
 * Append-only: a port keeps its number for the registry's lifetime, even if it disappears from the topology.
 */
public final class PortRegistry {
    private final ConcurrentHashMap<ConnectPoint, Integer> indexOf = new ConcurrentHashMap<>();
    private volatile ConnectPoint[] ports = new ConnectPoint[64];
    private volatile long[] capacityBps = new long[64];
    private volatile int size;

    /** @return a registry holding every port of the snapshot, with its speed (or its link's capacity if unknown) */
    public static PortRegistry of(TopologySnapshot topology) {
        PortRegistry r = new PortRegistry();
        r.registerAll(topology);
        return r;
    }

    /** Registers every port of a snapshot; ports already known get their capacity updated. */
    public synchronized void registerAll(TopologySnapshot topology) {
        for (int s = 0; s < topology.switchCount(); s++) {
            for (PortInfo p : topology.portsOf(s)) {
                register(p.connectPoint(), p.speedBps());
            }
        }
        for (Link l : topology.links()) {
            PortInfo p = topology.port(l.src());
            if (p == null || p.speedBps() == 0) {
                register(l.src(), l.capacityBps());
            }
        }
    }

    /**
     * @param capacityBps the port's line rate in bits per second, 0 if unknown (rates are then not capped)
     * @return the port's number
     */
    public synchronized int register(ConnectPoint port, long capacityBps) {
        Integer known = indexOf.get(port);
        if (known != null) {
            this.capacityBps[known] = capacityBps;
            return known;
        }
        int i = size;
        if (i == ports.length) {
            ports = Arrays.copyOf(ports, i * 2);
            this.capacityBps = Arrays.copyOf(this.capacityBps, i * 2);
        }
        ports[i] = port;
        this.capacityBps[i] = capacityBps;
        size = i + 1;
        indexOf.put(port, i);
        return i;
    }

    /** @return the port's number, or -1 if it is not registered */
    public int indexOf(ConnectPoint port) {
        Integer i = indexOf.get(port);
        return i == null ? -1 : i;
    }

    /** @return the port numbered {@code index} */
    public ConnectPoint port(int index) {
        checkIndex(index);
        return ports[index];
    }

    /** @return the port's capacity in bits per second, 0 if unknown */
    public long capacityBps(int index) {
        checkIndex(index);
        return capacityBps[index];
    }

    /** @return the number of registered ports; numbers run from 0 to size - 1 */
    public int size() {
        return size;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("port index " + index + " of " + size);
        }
    }
}
