package org.ebbflow.sim.traffic;

import java.util.SplittableRandom;

import org.ebbflow.topology.TopologySnapshot;

/**
 * Container traffic generated from published data-center facts ({@code ../shared/data/README.md}, anchors §4), at
 * flow level and aggregated per step, deterministic for a seed.
 *
 * <p>Each host keeps {@code peers} peer slots. A slot's destination is drawn by the {@link Locality} mix and kept for
 * an exponential lifetime (mean {@code peerSeconds}); its weight is lognormal with mean 1 (a few heavy pairs). Flows
 * arrive at each host as a Poisson process of rate {@code load · linkBps · diurnal(t) · surge(h, t) / (8 · mean flow
 * size)} while the host is ON (ON and OFF periods lognormal, Benson et al., IMC 2010; the rate is divided by the duty
 * cycle so the mean load stays {@code load}); a slot gets its weight's share of them (Poisson splitting), and the
 * slot's bytes in the step are the sum of its flows' sizes drawn from the flow-size CDF (flow by flow for up to 32
 * flows, by the normal approximation of the sum beyond). A flow's bytes count in the step it arrives in: at 1 Gbit/s
 * even a 30 MB flow ends within a 5 s step.
 *
 * <p>A host's step total is capped at its access link (a NIC sends no faster), and a guaranteed container's at its
 * declared rate (meters police it). Declared rates are 1.5 × the mean load at the diurnal peak, rounded up to Mbit/s.
 *
 * <p>Cost per step: O(hosts × peers); no per-flow objects.
 */
public final class SyntheticTraffic implements TrafficSource {
    private static final double MEGABIT = 1e6;

    private final SyntheticConfig config;
    private final String spec;
    private final int hosts;
    private final int peers;
    private final double[] hostBps;
    private final byte[] hostClass;
    private final double[] declaredBps;
    private final HostGroups groups;
    private final DiurnalEnvelope envelope;
    private final SurgeSchedule surges;
    private final SplittableRandom random;
    private final double weightMu;

    private final boolean[] on;
    private final double[] stateLeftMillis;
    private final int[] peerDst;
    private final double[] peerLeftMillis;
    private final double[] peerWeight;
    private final double[] surgeFactor;
    private final double[] slotBps;

    /**
     * @param topology the network; its host numbering is the demands'
     * @param config the parameters
     * @param seed the seed
     * @param runStartMillis start of the run, epoch milliseconds (places the surges)
     * @param runMillis length of the run, milliseconds
     */
    public SyntheticTraffic(TopologySnapshot topology, SyntheticConfig config, long seed, long runStartMillis,
                            long runMillis) {
        this.config = config;
        this.spec = config.toSpec();
        this.hosts = topology.hostCount();
        this.peers = config.peersPerHost();
        this.groups = new HostGroups(topology);
        this.envelope = config.envelope();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom labels = root.split();
        SplittableRandom surgeRandom = root.split();
        this.random = root.split();
        this.surges = SurgeSchedule.random(config.surges(), runStartMillis, runMillis, config.surgeMillis(),
                config.surgeHostFraction(), config.surgeFactor(), hosts, surgeRandom);
        double sigma = 1.0;
        this.weightMu = -sigma * sigma / 2;

        hostBps = new double[hosts];
        hostClass = new byte[hosts];
        declaredBps = new double[hosts];
        for (int h = 0; h < hosts; h++) {
            long link = topology.host(h).linkBps();
            hostBps[h] = link > 0 ? link : topology.linkCapacityBps(0);
            double u = labels.nextDouble();
            TaskClass c = u < config.latencySensitiveShare() ? TaskClass.LATENCY_SENSITIVE
                    : u < config.latencySensitiveShare() + config.guaranteedShare() ? TaskClass.GUARANTEED
                    : TaskClass.BULK;
            hostClass[h] = (byte) c.ordinal();
            declaredBps[h] = c != TaskClass.GUARANTEED ? Double.NaN
                    : Math.min(hostBps[h], Math.ceil(1.5 * config.load() * hostBps[h] * envelope.peak() / MEGABIT)
                    * MEGABIT);
        }

        on = new boolean[hosts];
        stateLeftMillis = new double[hosts];
        peerDst = new int[hosts * peers];
        peerLeftMillis = new double[hosts * peers];
        peerWeight = new double[hosts * peers];
        surgeFactor = new double[hosts];
        slotBps = new double[peers];
        for (int h = 0; h < hosts; h++) {
            on[h] = !config.onOff() || random.nextDouble() < config.duty();
            stateLeftMillis[h] = period(on[h]);
            for (int j = 0; j < peers; j++) {
                renewPeer(h, j);
            }
        }
    }

    private double period(boolean isOn) {
        if (!config.onOff()) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = isOn ? config.onMeanMillis() : config.offMeanMillis();
        double sigma = config.onOffSigma();
        return Math.exp(Math.log(mean) - sigma * sigma / 2 + sigma * random.nextGaussian());
    }

    private void renewPeer(int h, int j) {
        int slot = h * peers + j;
        double u = random.nextDouble();
        Locality l = config.locality();
        int wanted = u < l.share(Locality.RACK) ? Locality.RACK
                : u < l.share(Locality.RACK) + l.share(Locality.POD) ? Locality.POD : Locality.REMOTE;
        peerDst[slot] = groups.pick(h, wanted, random);
        peerLeftMillis[slot] = -config.peerLifetimeMillis() * Math.log(1 - random.nextDouble());
        peerWeight[slot] = Math.exp(weightMu + random.nextGaussian());
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
        return TaskClass.ofOrdinal(hostClass[host]);
    }

    @Override
    public double declaredBps(int host) {
        return declaredBps[host];
    }

    @Override
    public long preferredStartMillis() {
        return Long.MIN_VALUE;
    }

    /** @return the surges of this run */
    public SurgeSchedule surges() {
        return surges;
    }

    /** @return the configuration */
    public SyntheticConfig config() {
        return config;
    }

    /** @return the peer-group distance of {@code dst} from {@code src}: {@link Locality#RACK}, POD or REMOTE */
    public int groupOf(int src, int dst) {
        return groups.groupOf(src, dst);
    }

    @Override
    public void next(long stepStartMillis, long stepMillis, DemandBatch out) {
        out.clear();
        double stepSeconds = stepMillis / 1000.0;
        long mid = stepStartMillis + stepMillis / 2;
        double diurnal = envelope.factor(mid);
        java.util.Arrays.fill(surgeFactor, 1.0);
        surges.apply(surgeFactor, mid);
        double meanFlowBits = 8 * config.mix().meanBytes();
        double duty = config.duty();
        for (int h = 0; h < hosts; h++) {
            double onFraction = advanceOnOff(h, stepMillis);
            double meanBps = config.load() * hostBps[h] * diurnal * surgeFactor[h];
            double flows = meanBps / duty * onFraction * stepSeconds / meanFlowBits;
            double total = 0;
            for (int j = 0; j < peers; j++) {
                int slot = h * peers + j;
                peerLeftMillis[slot] -= stepMillis;
                if (peerLeftMillis[slot] <= 0) {
                    renewPeer(h, j);
                }
                double bps = 0;
                if (peerDst[slot] >= 0 && flows > 0) {
                    long n = Poisson.sample(flows * peerWeight[slot] / peers, random);
                    bps = config.mix().sampleSum(n, random) * 8 / stepSeconds;
                }
                slotBps[j] = bps;
                total += bps;
            }
            double cap = hostClass[h] == TaskClass.GUARANTEED.ordinal() ? declaredBps[h] : hostBps[h];
            double scale = total > cap ? cap / total : 1;
            for (int j = 0; j < peers; j++) {
                if (slotBps[j] > 0) {
                    out.add(h, peerDst[h * peers + j], slotBps[j] * scale, hostClass[h]);
                }
            }
        }
    }

    /** Advances host h's ON/OFF process by one step; @return the share of the step it was ON */
    private double advanceOnOff(int h, long stepMillis) {
        if (!config.onOff()) {
            return 1;
        }
        double left = stepMillis;
        double onMillis = 0;
        while (left > 0) {
            double d = Math.min(left, stateLeftMillis[h]);
            if (on[h]) {
                onMillis += d;
            }
            stateLeftMillis[h] -= d;
            left -= d;
            if (stateLeftMillis[h] <= 0) {
                on[h] = !on[h];
                stateLeftMillis[h] = period(on[h]);
            }
        }
        return onMillis / stepMillis;
    }
}
