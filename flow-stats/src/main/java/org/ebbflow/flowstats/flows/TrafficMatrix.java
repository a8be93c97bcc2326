package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An estimate of the host-to-host (container-to-container) demand: a sparse matrix of rates in bits per second,
 * indexed by the host numbers of the {@link org.ebbflow.topology.TopologySnapshot} it was estimated on, plus what
 * could not be attributed. Only pairs with a positive rate are stored. Immutable.
 */
public final class TrafficMatrix {
    private final int hostCount;
    private final long topologyVersion;
    private final long[] pairs;
    private final double[] ratesBps;
    private final double totalBps;
    private final Map<UnattributedReason, Double> unattributedBps;
    private final List<FlowKey> unattributedFlows;
    private final double transitBps;

    private TrafficMatrix(Builder b) {
        this.hostCount = b.hostCount;
        this.topologyVersion = b.topologyVersion;
        int n = 0;
        for (double v : b.rates.values()) {
            n += v > 0 ? 1 : 0;
        }
        this.pairs = new long[n];
        this.ratesBps = new double[n];
        int i = 0;
        double sum = 0;
        for (Map.Entry<Long, Double> e : b.rates.entrySet()) {
            if (e.getValue() > 0) {
                pairs[i] = e.getKey();
                ratesBps[i++] = e.getValue();
                sum += e.getValue();
            }
        }
        this.totalBps = sum;
        Map<UnattributedReason, Double> u = new EnumMap<>(UnattributedReason.class);
        for (UnattributedReason r : UnattributedReason.values()) {
            u.put(r, b.unattributed.getOrDefault(r, 0.0));
        }
        this.unattributedBps = Collections.unmodifiableMap(u);
        this.unattributedFlows = Collections.unmodifiableList(new ArrayList<>(b.unattributedFlows));
        this.transitBps = b.transitBps;
    }

    static Builder builder(int hostCount, long topologyVersion) {
        return new Builder(hostCount, topologyVersion);
    }

    /** @return the number of hosts of the topology (the matrix is hostCount × hostCount) */
    public int hostCount() {
        return hostCount;
    }

    /** @return the version of the topology snapshot whose host numbers index this matrix */
    public long topologyVersion() {
        return topologyVersion;
    }

    /**
     * @param srcHost the sending host's number in the topology snapshot
     * @param dstHost the receiving host's number
     * @return the estimated demand in bits per second, 0 if none was seen
     * @throws IndexOutOfBoundsException if a host number is out of range
     */
    public double rateBps(int srcHost, int dstHost) {
        int i = Arrays.binarySearch(pairs, pair(checkHost(srcHost), checkHost(dstHost)));
        return i >= 0 ? ratesBps[i] : 0;
    }

    /** @return the pairs with a positive rate, ordered by source then destination */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(pairs.length);
        for (int i = 0; i < pairs.length; i++) {
            out.add(new Entry((int) (pairs[i] >>> 32), (int) pairs[i], ratesBps[i]));
        }
        return out;
    }

    /** @return the number of pairs with a positive rate */
    public int size() {
        return pairs.length;
    }

    /** @return the sum of all attributed demand in bits per second */
    public double totalBps() {
        return totalBps;
    }

    /** @return the rate of flows that could not be attributed to a host pair, in bits per second, summed */
    public double unattributedBps() {
        double sum = 0;
        for (double v : unattributedBps.values()) {
            sum += v;
        }
        return sum;
    }

    /** @return the unattributed rate for one reason, in bits per second; 0 if none */
    public double unattributedBps(UnattributedReason reason) {
        return unattributedBps.get(reason);
    }

    /** @return the flows whose rate (or part of it) could not be attributed, in the order met; empty if none */
    public List<FlowKey> unattributedFlows() {
        return unattributedFlows;
    }

    /**
     * @return the rate of flows deliberately not counted because their traffic is counted at its ingress switch
     *     (flows on core, aggregation and spine switches, flows of remote sources at egress switches), in bits per
     *     second; a diagnostic, not demand
     */
    public double transitBps() {
        return transitBps;
    }

    private int checkHost(int host) {
        if (host < 0 || host >= hostCount) {
            throw new IndexOutOfBoundsException("host " + host + " of " + hostCount);
        }
        return host;
    }

    private static long pair(int src, int dst) {
        return ((long) src << 32) | dst;
    }

    @Override
    public String toString() {
        return "TrafficMatrix{" + pairs.length + " pairs, total " + totalBps + " bps, unattributed "
                + unattributedBps() + " bps, transit " + transitBps + " bps}";
    }

    /** One host pair's estimated demand. Immutable. */
    public static final class Entry {
        private final int srcHost;
        private final int dstHost;
        private final double rateBps;

        Entry(int srcHost, int dstHost, double rateBps) {
            this.srcHost = srcHost;
            this.dstHost = dstHost;
            this.rateBps = rateBps;
        }

        /** @return the sending host's number in the topology snapshot */
        public int srcHost() {
            return srcHost;
        }

        /** @return the receiving host's number */
        public int dstHost() {
            return dstHost;
        }

        /** @return the demand in bits per second, positive */
        public double rateBps() {
            return rateBps;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Entry)) {
                return false;
            }
            Entry e = (Entry) o;
            return srcHost == e.srcHost && dstHost == e.dstHost && Double.compare(rateBps, e.rateBps) == 0;
        }

        @Override
        public int hashCode() {
            return (srcHost * 31 + dstHost) * 31 + Double.hashCode(rateBps);
        }

        @Override
        public String toString() {
            return srcHost + "->" + dstHost + ": " + rateBps + " bps";
        }
    }

    /** Accumulates a matrix; package-private, used by the estimator. */
    static final class Builder {
        private final int hostCount;
        private final long topologyVersion;
        private final TreeMap<Long, Double> rates = new TreeMap<>();
        private final Map<UnattributedReason, Double> unattributed = new EnumMap<>(UnattributedReason.class);
        private final List<FlowKey> unattributedFlows = new ArrayList<>();
        private double transitBps;

        private Builder(int hostCount, long topologyVersion) {
            this.hostCount = hostCount;
            this.topologyVersion = topologyVersion;
        }

        void add(int src, int dst, double bps) {
            rates.merge(pair(src, dst), bps, Double::sum);
        }

        double get(int src, int dst) {
            return rates.getOrDefault(pair(src, dst), 0.0);
        }

        /** Calls the consumer with (src, dst, bps) for every pair accumulated so far. */
        void forEach(PairConsumer consumer) {
            for (Map.Entry<Long, Double> e : rates.entrySet()) {
                consumer.accept((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue());
            }
        }

        void unattributed(UnattributedReason reason, List<FlowKey> flows, double bps) {
            unattributed.merge(reason, bps, Double::sum);
            unattributedFlows.addAll(flows);
        }

        void transit(double bps) {
            transitBps += bps;
        }

        TrafficMatrix build() {
            return new TrafficMatrix(this);
        }
    }

    /** Receives one accumulated pair. */
    interface PairConsumer {
        void accept(int src, int dst, double bps);
    }
}
