package org.ebbflow.bench.flowstats;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.ebbflow.flowstats.CounterSemantics;
import org.ebbflow.flowstats.CounterTracker;
import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.flowstats.SeriesStore;

/**
 * Measures the heap a k=48 fabric's series store occupies after one simulated hour of 5 s polls (and longer: the
 * store is bounded, so more hours cost nothing more). Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.ebbflow.bench.flowstats.StoreFootprint [k] [hours]}. Prints one line of key=value pairs.
 */
public final class StoreFootprint {
    private StoreFootprint() {
    }

    /** @param args optional k (default 48) and hours of polling (default 1) */
    public static void main(String[] args) {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        double hours = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        PortRegistry registry = K48Ports.registry(k);
        long before = usedAfterGc(memory);
        SeriesStore store = SeriesStore.withDefaultTiers(5_000);
        CounterTracker tracker = new CounterTracker(registry, store,
                CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64));
        int ports = registry.size();
        long[] rx = new long[ports];
        int polls = (int) Math.round(hours * 720);
        long start = System.nanoTime();
        for (int poll = 1; poll <= polls; poll++) {
            long now = poll * 5_000L;
            for (int p = 0; p < ports; p++) {
                rx[p] += K48Ports.bytesPerPoll(p);
                tracker.ingest(p, rx[p], rx[p] >>> 1, 0, now * 1_000_000L, now);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc(memory);
        long trackerAndStore = after - before;
        System.out.printf("k=%d ports=%d polls=%d samples=%d ingestSeconds=%.1f samplesPerSecond=%.0f "
                        + "storeApproxMiB=%.1f heapDeltaMiB=%.1f (tracker+store) bytesPerPort=%.0f%n",
                k, ports, polls, (long) polls * ports, seconds, polls * (double) ports / seconds,
                store.approximateBytes() / 1048576.0, trackerAndStore / 1048576.0,
                (double) trackerAndStore / ports);
        if (tracker.hashCode() == 42) {
            System.out.println(); // keep the tracker reachable until after the measurement
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
