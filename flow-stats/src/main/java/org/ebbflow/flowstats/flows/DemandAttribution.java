package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.TopologySnapshot;

/**
 * One run of the {@link TrafficMatrixEstimator}: classifies flows as they come, then spreads the terms that have
 * several candidate sources. Mutable, used by one thread for one estimate; the rules are documented on the
 * estimator.
 */
final class DemandAttribution {
    private static final int NO_ADDRESS = -1;
    private static final int UNKNOWN_HOST = -2;
    private static final int CONFLICTING_HOSTS = -3;
    private static final long ALL_PORTS = -1;

    private final HostDirectory dir;
    private final TopologySnapshot topology;
    private final boolean localResidual;
    private final PortRateLookup accessRxBps;
    private final TrafficMatrix.Builder matrix;
    private final Map<SpreadKey, Term> spreadTerms = new LinkedHashMap<>();
    private final Map<Integer, Term> deliveryTerms = new LinkedHashMap<>();
    private final double[] egressSeenBps;

    DemandAttribution(HostDirectory dir, boolean localResidual, PortRateLookup accessRxBps) {
        this.dir = dir;
        this.topology = dir.topology();
        this.localResidual = localResidual;
        this.accessRxBps = Objects.requireNonNull(accessRxBps, "accessRxBps");
        this.matrix = TrafficMatrix.builder(topology.hostCount(), topology.version());
        this.egressSeenBps = new double[topology.hostCount()];
    }

    void add(FlowRate rate) {
        FlowKey key = rate.key();
        double bps = rate.rateBps();
        int s = topology.switchIndex(key.dpid());
        if (s < 0) {
            matrix.unattributed(UnattributedReason.UNKNOWN_SWITCH, List.of(key), bps);
            return;
        }
        if (!dir.isAccessSwitch(s)) {
            matrix.transit(bps);
            return;
        }
        FlowMatch m = key.match();
        Source src = resolveSource(s, m);
        switch (src.kind) {
            case TRANSIT:
                noteEgress(s, m, bps);
                matrix.transit(bps);
                return;
            case UNKNOWN:
                matrix.unattributed(UnattributedReason.UNKNOWN_SOURCE, List.of(key), bps);
                return;
            case CONFLICT:
                matrix.unattributed(UnattributedReason.CONFLICT, List.of(key), bps);
                return;
            default:
                break;
        }
        int dst = resolveHost(m.ethDst(), m.ipv4Dst());
        if (dst < 0) {
            UnattributedReason why = dst == NO_ADDRESS ? UnattributedReason.NO_DESTINATION
                    : dst == UNKNOWN_HOST ? UnattributedReason.UNKNOWN_DESTINATION : UnattributedReason.CONFLICT;
            matrix.unattributed(why, List.of(key), bps);
            return;
        }
        switch (src.kind) {
            case HOST:
                if (src.host == dst) {
                    matrix.unattributed(UnattributedReason.SAME_HOST, List.of(key), bps);
                } else {
                    matrix.add(src.host, dst, bps);
                }
                return;
            case PORT_HOSTS:
                spreadTerms.computeIfAbsent(new SpreadKey(s, dst, src.inPort), k -> new Term()).add(key, bps);
                return;
            default: // ALL_HOSTS
                if (dir.hostSwitch(dst) == s) {
                    deliveryTerms.computeIfAbsent(dst, d -> new Term()).add(key, bps);
                } else {
                    spreadTerms.computeIfAbsent(new SpreadKey(s, dst, ALL_PORTS), k -> new Term()).add(key, bps);
                }
        }
    }

    TrafficMatrix finish() {
        for (Map.Entry<SpreadKey, Term> e : spreadTerms.entrySet()) {
            SpreadKey k = e.getKey();
            int[] candidates = k.inPort == ALL_PORTS
                    ? dir.hostsAt(k.switchIndex)
                    : dir.hostsAt(k.switchIndex, k.inPort);
            spread(without(candidates, k.dst), k.dst, e.getValue().bps, e.getValue().flows);
        }
        double[] remoteIntoBps = new double[topology.hostCount()];
        if (localResidual && !deliveryTerms.isEmpty()) {
            matrix.forEach((src, dst, bps) -> {
                if (dir.hostSwitch(src) != dir.hostSwitch(dst)) {
                    remoteIntoBps[dst] += bps;
                }
            });
        }
        for (Map.Entry<Integer, Term> e : deliveryTerms.entrySet()) {
            int dst = e.getKey();
            Term t = e.getValue();
            double local = 0;
            if (localResidual) {
                double remoteNotSeenYet = Math.max(0, remoteIntoBps[dst] - egressSeenBps[dst]);
                local = Math.max(0, t.bps - remoteNotSeenYet);
            }
            matrix.transit(t.bps - local);
            spread(without(dir.hostsAt(dir.hostSwitch(dst)), dst), dst, local, t.flows);
        }
        return matrix.build();
    }

    /** Records the rate of a non-ingress flow delivering to a host of this switch. */
    private void noteEgress(int s, FlowMatch m, double bps) {
        int dst = resolveHost(m.ethDst(), m.ipv4Dst());
        if (dst >= 0 && dir.hostSwitch(dst) == s) {
            egressSeenBps[dst] += bps;
        }
    }

    private void spread(int[] sources, int dst, double bps, List<FlowKey> flows) {
        if (sources.length == 0) {
            if (bps > 0) {
                matrix.unattributed(UnattributedReason.NO_SOURCE_HOSTS, flows, bps);
            }
            return;
        }
        double[] w = weights(sources);
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        for (int i = 0; i < sources.length; i++) {
            matrix.add(sources[i], dst, bps * w[i] / sum);
        }
    }

    /** Access-port receive rates (shared equally by hosts on one port), or all ones if any is unknown or all zero. */
    private double[] weights(int[] sources) {
        Map<ConnectPoint, Integer> sharers = new LinkedHashMap<>();
        for (int h : sources) {
            sharers.merge(dir.attachment(h), 1, Integer::sum);
        }
        double[] w = new double[sources.length];
        double sum = 0;
        for (int i = 0; i < sources.length; i++) {
            ConnectPoint port = dir.attachment(sources[i]);
            double rx = accessRxBps.rxBps(port);
            if (!(rx >= 0) || Double.isInfinite(rx)) {
                sum = 0;
                break;
            }
            w[i] = rx / sharers.get(port);
            sum += w[i];
        }
        if (!(sum > 0)) {
            Arrays.fill(w, 1.0);
        }
        return w;
    }

    private Source resolveSource(int s, FlowMatch m) {
        Long inPort = m.inPort();
        if (inPort != null && dir.isLinkPort(s, inPort)) {
            return Source.of(SourceKind.TRANSIT);
        }
        int[] portHosts = inPort == null ? null : dir.hostsAt(s, inPort);
        int named = resolveHost(m.ethSrc(), m.ipv4Src());
        if (named == UNKNOWN_HOST) {
            return Source.of(SourceKind.UNKNOWN);
        }
        if (named == CONFLICTING_HOSTS) {
            return Source.of(SourceKind.CONFLICT);
        }
        if (named >= 0) {
            if (portHosts != null && !contains(portHosts, named)) {
                return Source.of(SourceKind.CONFLICT);
            }
            return dir.hostSwitch(named) == s ? Source.host(named) : Source.of(SourceKind.TRANSIT);
        }
        if (portHosts == null) {
            return Source.of(SourceKind.ALL_HOSTS);
        }
        if (portHosts.length == 1) {
            return Source.host(portHosts[0]);
        }
        return portHosts.length > 1 ? Source.portHosts(inPort) : Source.of(SourceKind.UNKNOWN);
    }

    /**
     * @return the host both addresses name (either may be null), or {@link #NO_ADDRESS} if both are null,
     *     {@link #UNKNOWN_HOST} if one names no single known host, {@link #CONFLICTING_HOSTS} if they disagree
     */
    private int resolveHost(MacAddress mac, IpAddress ip) {
        if (mac == null && ip == null) {
            return NO_ADDRESS;
        }
        int byMac = mac == null ? NO_ADDRESS : dir.hostByMac(mac);
        int byIp = ip == null ? NO_ADDRESS : dir.hostByIp(ip);
        if (mac != null && byMac < 0 || ip != null && byIp < 0) {
            return UNKNOWN_HOST;
        }
        if (mac != null && ip != null && byMac != byIp) {
            return CONFLICTING_HOSTS;
        }
        return mac != null ? byMac : byIp;
    }

    private static boolean contains(int[] hosts, int h) {
        for (int x : hosts) {
            if (x == h) {
                return true;
            }
        }
        return false;
    }

    private static int[] without(int[] hosts, int h) {
        return Arrays.stream(hosts).filter(x -> x != h).toArray();
    }

    private enum SourceKind { HOST, PORT_HOSTS, ALL_HOSTS, TRANSIT, UNKNOWN, CONFLICT }

    /** A resolved source: one host, the hosts behind one port, all hosts of the switch, or why there is none. */
    private static final class Source {
        final SourceKind kind;
        final int host;
        final long inPort;

        private Source(SourceKind kind, int host, long inPort) {
            this.kind = kind;
            this.host = host;
            this.inPort = inPort;
        }

        static Source of(SourceKind kind) {
            return new Source(kind, -1, ALL_PORTS);
        }

        static Source host(int host) {
            return new Source(SourceKind.HOST, host, ALL_PORTS);
        }

        static Source portHosts(long inPort) {
            return new Source(SourceKind.PORT_HOSTS, -1, inPort);
        }
    }

    /** A term to spread: switch, destination, and the in_port its sources are behind ({@link #ALL_PORTS}: any). */
    private static final class SpreadKey {
        final int switchIndex;
        final int dst;
        final long inPort;

        SpreadKey(int switchIndex, int dst, long inPort) {
            this.switchIndex = switchIndex;
            this.dst = dst;
            this.inPort = inPort;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof SpreadKey)) {
                return false;
            }
            SpreadKey k = (SpreadKey) o;
            return switchIndex == k.switchIndex && dst == k.dst && inPort == k.inPort;
        }

        @Override
        public int hashCode() {
            return (switchIndex * 31 + dst) * 31 + Long.hashCode(inPort);
        }
    }

    /** The summed rate of the flows of one term, and which flows they are. */
    private static final class Term {
        double bps;
        final List<FlowKey> flows = new ArrayList<>(1);

        void add(FlowKey key, double rateBps) {
            bps += rateBps;
            flows.add(key);
        }
    }
}
