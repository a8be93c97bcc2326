package org.ebbflow.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.predictor.data.EbbflowSeriesWriter;
import org.ebbflow.sim.SimListener;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Writes each policy's port series as its controller saw them (the production store's last complete step, every
 * cycle) into {@code ports-<policy>.csv} in the {@link EbbflowSeriesWriter} format, which {@code ebbflow evaluate
 * --data ebbflow:PATH} reads back. At most {@code limit} ports per policy: all when there are that few, otherwise
 * ports evenly spread over the controller's port numbering. Host-facing ports carry their container's class. Close
 * it to flush the files.
 */
public final class PortSeriesRecorder implements SimListener, AutoCloseable {
    private final Path dir;
    private final int limit;
    private final Map<String, Writer> writers = new LinkedHashMap<>();

    /**
     * @param dir the run's folder
     * @param limit most ports per policy (0 writes nothing)
     */
    public PortSeriesRecorder(Path dir, int limit) {
        this.dir = dir;
        this.limit = limit;
    }

    /** @return the file a policy's series go to */
    public static String fileName(String policy) {
        return "ports-" + policy + ".csv";
    }

    @Override
    public void cycleDone(String policy, long nowMillis, TopologySnapshot topology, PortStatsCollector stats) {
        if (limit == 0) {
            return;
        }
        try {
            Writer w = writers.get(policy);
            if (w == null) {
                w = new Writer(EbbflowSeriesWriter.open(dir.resolve(fileName(policy))), choose(stats.registry()),
                        stats.registry(), topology);
                writers.put(policy, w);
            }
            w.write(stats.store(), nowMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int[] choose(PortRegistry registry) {
        int n = registry.size();
        int k = Math.min(n, limit);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = (int) ((long) i * n / k);
        }
        return out;
    }

    /** @return the files written so far, by policy */
    public Map<String, Path> files() {
        Map<String, Path> m = new LinkedHashMap<>();
        for (String p : writers.keySet()) {
            m.put(p, dir.resolve(fileName(p)));
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        for (Writer w : writers.values()) {
            w.out.close();
        }
    }

    private static final class Writer {
        final EbbflowSeriesWriter out;
        final int[] ports;
        final String[] names;
        final String[] classes;
        final float[] rx = new float[1];
        final float[] tx = new float[1];

        Writer(EbbflowSeriesWriter out, int[] ports, PortRegistry registry, TopologySnapshot topology) {
            this.out = out;
            this.ports = ports;
            Map<ConnectPoint, String> hostClass = new HashMap<>();
            for (HostEndpoint h : topology.hosts()) {
                String c = h.label(HostEndpoint.LABEL_WORKLOAD_CLASS);
                if (c != null) {
                    hostClass.put(h.attachment(), c);
                }
            }
            List<String> n = new ArrayList<>();
            List<String> c = new ArrayList<>();
            for (int p : ports) {
                ConnectPoint cp = registry.port(p);
                n.add(cp.toString());
                c.add(hostClass.get(cp));
            }
            names = n.toArray(new String[0]);
            classes = c.toArray(new String[0]);
        }

        void write(SeriesStore store, long nowMillis) throws IOException {
            long end = store.fineStepOf(nowMillis);
            long stepStart = (end - 1) * store.tiers().get(0).stepMillis();
            for (int i = 0; i < ports.length; i++) {
                store.read(0, ports[i], end, 1, rx, tx, 0);
                out.write(stepStart, names[i], rx[0], tx[0], classes[i]);
            }
        }
    }
}
