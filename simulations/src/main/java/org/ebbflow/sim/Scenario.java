package org.ebbflow.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ebbflow.predictor.TimeSeries;
import org.ebbflow.predictor.data.DataSpec;
import org.ebbflow.sim.net.PodMesh;
import org.ebbflow.sim.traffic.ReplayTraffic;
import org.ebbflow.sim.traffic.SyntheticTraffic;
import org.ebbflow.sim.traffic.TrafficSource;
import org.ebbflow.sim.traffic.TrafficSpec;
import org.ebbflow.sim.traffic.TrafficSpecException;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.spec.TopologySpec;

/**
 * A topology and the traffic it carries, resolved from their specs: synthetic traffic and Abilene replays need a
 * topology spec ({@code sndlib:} Abilene for the replay), an fbpod replay builds its own full mesh of the pods and
 * takes none; its link capacity comes from the data set's FIGRET {@code .json} topology beside the matrices (or one
 * folder up), else 10,000 units. Replay files are read once, here. Immutable.
 */
public final class Scenario {
    private final String topologyText;
    private final TopologySnapshot topology;
    private final TrafficSpec traffic;
    private final List<TimeSeries> replay;
    private final double fbpodUnitBps;

    private Scenario(String topologyText, TopologySnapshot topology, TrafficSpec traffic, List<TimeSeries> replay,
                     double fbpodUnitBps) {
        this.topologyText = topologyText;
        this.topology = topology;
        this.traffic = traffic;
        this.replay = replay;
        this.fbpodUnitBps = fbpodUnitBps;
    }

    /**
     * @param topologySpec a topology spec, or null (only for fbpod traffic)
     * @param trafficSpec a traffic spec
     * @return the scenario, topology built and replay read
     * @throws IllegalArgumentException (topology or traffic spec exceptions) with a one-line message
     */
    public static Scenario of(String topologySpec, String trafficSpec) {
        TrafficSpec t = TrafficSpec.parse(trafficSpec);
        if (t.kind() == TrafficSpec.Kind.FBPOD) {
            if (topologySpec != null) {
                throw new TrafficSpecException("fbpod traffic builds its own full mesh of the pods: leave out the "
                        + "topology");
            }
            DataSpec d = t.data();
            boolean scaled = d.options().containsKey(DataSpec.SCALE);
            double unitBps = scaled ? d.scale(1) : TrafficSpec.DEFAULT_FBPOD_UNIT_BPS;
            List<TimeSeries> series = d.read();
            int pods = PodMesh.podsForSeries(series.size());
            if (pods < 0) {
                throw new TrafficSpecException("fbpod data '" + d + "' has " + series.size()
                        + " series, not the N(N-1) pairs of N pods");
            }
            double capacityUnits = FigretTopology.linkCapacityUnits(d.path())
                    .orElse(PodMesh.DEFAULT_LINK_BPS / TrafficSpec.DEFAULT_FBPOD_UNIT_BPS);
            long meshBps = Math.round(capacityUnits * unitBps);
            return new Scenario("pod-mesh:pods=" + pods, PodMesh.build(pods, meshBps), t, series,
                    scaled ? 1 : unitBps);
        }
        if (topologySpec == null) {
            throw new TrafficSpecException(t.kind().token() + " traffic needs a topology"
                    + (t.kind() == TrafficSpec.Kind.ABILENE ? " (the sndlib: Abilene network)" : ""));
        }
        TopologySpec spec = TopologySpec.parse(topologySpec);
        TopologySnapshot snapshot = spec.build();
        List<TimeSeries> series = t.kind() == TrafficSpec.Kind.ABILENE ? t.data().read() : null;
        return new Scenario(spec.toString(), snapshot, t, series, 1);
    }

    /** @return the topology's canonical spec text ({@code pod-mesh:pods=N} for an fbpod replay) */
    public String topologyText() {
        return topologyText;
    }

    /** @return the topology as built */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the traffic spec */
    public TrafficSpec traffic() {
        return traffic;
    }

    /** @return the replay's first record, epoch milliseconds, or {@link Long#MIN_VALUE} (synthetic, or no time) */
    public long replayStartMillis() {
        return replay == null || replay.isEmpty() || replay.get(0).startMillis() <= 0 ? Long.MIN_VALUE
                : replay.get(0).startMillis();
    }

    /**
     * Builds the traffic on the simulator's numbering of the topology.
     *
     * @param canonical the topology as the simulated controller numbers it
     * @param seed the seed
     * @param startMillis the run's start, epoch milliseconds
     * @param runMillis the run's length
     * @param stepMillis the simulation step
     * @return a fresh source
     */
    public TrafficSource traffic(TopologySnapshot canonical, long seed, long startMillis, long runMillis,
                                 long stepMillis) {
        switch (traffic.kind()) {
            case SYNTHETIC:
                return new SyntheticTraffic(canonical, traffic.synthetic(), seed, startMillis, runMillis);
            case ABILENE:
                return new ReplayTraffic(traffic.toString(), canonical, replay,
                        ReplayTraffic.hostsByNodeName(canonical), replay.get(0).stepMillis());
            case FBPOD:
                List<TimeSeries> scaled = replay;
                if (fbpodUnitBps != 1) {
                    scaled = new java.util.ArrayList<>();
                    for (TimeSeries s : replay) {
                        double[] v = s.values();
                        for (int i = 0; i < v.length; i++) {
                            v[i] *= fbpodUnitBps;
                        }
                        scaled.add(TimeSeries.of(s.name(), s.source(), s.startMillis(), s.stepMillis(), v,
                                s.taskClass(), "bps"));
                    }
                }
                long step = traffic.data().hasStep() ? traffic.data().stepMillis(stepMillis) : stepMillis;
                return new ReplayTraffic(traffic.toString(), canonical, scaled,
                        ReplayTraffic.hostsByNodeName(canonical), step);
            default:
                throw new AssertionError(traffic.kind());
        }
    }

    /** @return the scenario by name, for the effective configuration */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topology", topologyText);
        m.put("switches", topology.switchCount());
        m.put("hosts", topology.hostCount());
        m.put("switchLinks", topology.undirectedLinkCount());
        m.put("traffic", traffic.toString());
        if (traffic.synthetic() != null) {
            m.put("synthetic", traffic.synthetic().toMap());
        }
        return m;
    }
}
