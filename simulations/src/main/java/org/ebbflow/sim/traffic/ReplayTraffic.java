package org.ebbflow.sim.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.TopologySnapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays recorded demand series ({@code SRC->DST} per series, bits per second) between the hosts of the nodes they
 * name. The simulation step need not be the series' step: a simulation step takes the mean of the records it overlaps
 * (a record is held over every step inside it). Missing records are 0. Past its end the replay starts again from the
 * beginning (logged once). All demands are labelled {@link TaskClass#BULK}: the data sets carry no classes.
 */
public final class ReplayTraffic implements TrafficSource {
    private static final Logger log = LoggerFactory.getLogger(ReplayTraffic.class);

    private final String spec;
    private final int hosts;
    private final int[] src;
    private final int[] dst;
    private final double[][] values;
    private final long seriesStartMillis;
    private final long seriesStepMillis;
    private final int length;
    private long simStartMillis = Long.MIN_VALUE;
    private boolean wrapped;

    /**
     * @param spec the spec text, for reports
     * @param topology the network to replay on
     * @param series the demand series, named {@code SRC->DST}, all of one step and length
     * @param nodeHost maps a node name of a series to its host index (-1 if unknown)
     * @param seriesStepMillis the series' step to use (overrides theirs, e.g. for undocumented steps)
     * @throws TrafficSpecException if a series is badly named, names an unknown node, or the series disagree
     */
    public ReplayTraffic(String spec, TopologySnapshot topology, List<TimeSeries> series,
                         java.util.function.ToIntFunction<String> nodeHost, long seriesStepMillis) {
        if (series.isEmpty()) {
            throw new TrafficSpecException("the replay '" + spec + "' holds no series");
        }
        this.spec = spec;
        this.hosts = topology.hostCount();
        this.length = series.get(0).length();
        this.seriesStartMillis = series.get(0).startMillis();
        this.seriesStepMillis = seriesStepMillis;
        List<int[]> ends = new ArrayList<>();
        List<double[]> vals = new ArrayList<>();
        for (TimeSeries s : series) {
            int arrow = s.name().indexOf("->");
            if (arrow <= 0 || arrow + 2 >= s.name().length()) {
                throw new TrafficSpecException("series '" + s.name() + "' of '" + spec + "' is not named SRC->DST");
            }
            if (s.length() != length) {
                throw new TrafficSpecException("series of '" + spec + "' differ in length: " + s.length() + " and "
                        + length);
            }
            int a = nodeHost.applyAsInt(s.name().substring(0, arrow));
            int b = nodeHost.applyAsInt(s.name().substring(arrow + 2));
            if (a < 0 || b < 0) {
                throw new TrafficSpecException("series '" + s.name() + "' of '" + spec + "' names a node the "
                        + "topology does not have (replay abilene on sndlib:abilene.xml)");
            }
            if (a == b) {
                continue;
            }
            ends.add(new int[] {a, b});
            vals.add(s.values());
        }
        src = new int[ends.size()];
        dst = new int[ends.size()];
        values = vals.toArray(new double[0][]);
        for (int i = 0; i < src.length; i++) {
            src[i] = ends.get(i)[0];
            dst[i] = ends.get(i)[1];
        }
    }

    /**
     * @return a resolver from node names to host indices: the host named {@code NODE-h1} (the SNDlib and pod-mesh
     *     naming), else the first host on the switch named {@code NODE}
     */
    public static java.util.function.ToIntFunction<String> hostsByNodeName(TopologySnapshot t) {
        Map<String, Integer> byName = new HashMap<>();
        for (int s = t.switchCount() - 1; s >= 0; s--) {
            int[] at = t.hostsAt(s);
            if (at.length > 0) {
                byName.put(t.switchAt(s).name(), at[0]);
            }
        }
        for (int h = 0; h < t.hostCount(); h++) {
            HostEndpoint e = t.host(h);
            String n = e.name();
            if (n != null && n.endsWith("-h1")) {
                byName.put(n.substring(0, n.length() - 3), h);
            }
        }
        return name -> byName.getOrDefault(name, -1);
    }

    @Override
    public String describe() {
        return spec;
    }

    @Override
    public int hostCount() {
        return hosts;
    }

    @Override
    public TaskClass taskClass(int host) {
        return TaskClass.BULK;
    }

    @Override
    public double declaredBps(int host) {
        return Double.NaN;
    }

    @Override
    public long preferredStartMillis() {
        return seriesStartMillis > 0 ? seriesStartMillis : Long.MIN_VALUE;
    }

    /** @return the number of recorded steps */
    public int length() {
        return length;
    }

    @Override
    public void next(long stepStartMillis, long stepMillis, DemandBatch out) {
        out.clear();
        if (simStartMillis == Long.MIN_VALUE) {
            simStartMillis = stepStartMillis;
        }
        long rel = stepStartMillis - simStartMillis;
        long first = Math.floorDiv(rel, seriesStepMillis);
        long last = Math.floorDiv(rel + stepMillis - 1, seriesStepMillis);
        if (last >= length && !wrapped) {
            wrapped = true;
            log.info("replay {} reached its end after {} records; starting again from the first", spec, length);
        }
        for (int i = 0; i < src.length; i++) {
            double sum = 0;
            double weight = 0;
            for (long r = first; r <= last; r++) {
                long from = Math.max(rel, r * seriesStepMillis);
                long to = Math.min(rel + stepMillis, (r + 1) * seriesStepMillis);
                double v = values[i][(int) Math.floorMod(r, (long) length)];
                sum += (Double.isNaN(v) ? 0 : v) * (to - from);
                weight += to - from;
            }
            double bps = weight > 0 ? sum / weight : 0;
            if (bps > 0) {
                out.add(src[i], dst[i], bps, TaskClass.BULK);
            }
        }
    }
}
