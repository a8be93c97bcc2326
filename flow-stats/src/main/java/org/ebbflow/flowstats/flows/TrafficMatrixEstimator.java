package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Estimates the host-to-host (container-to-container) demand from flow rates, counting each flow's traffic once, at
 * the access switch where it enters the network. Bound to one {@link TopologySnapshot}, whose host numbers index the
 * resulting {@link TrafficMatrix}; stateless between calls and safe to share between threads.
 *
 * <p><b>Where a flow counts.</b> Access switches are fat-tree EDGE and leaf-spine LEAF switches, and role-less
 * ({@code OTHER}) switches with hosts attached. Flows on other switches (core, aggregation, spine) are transit and
 * never count. On an access switch S, a flow's source is resolved from its match:
 * <ol>
 *   <li>{@code in_port} of a switch link: the traffic comes from the fabric, so it was counted at its ingress:
 *       transit.</li>
 *   <li>An exact {@code eth_src} or {@code ipv4_src} of a known host names the source; if that host is attached
 *       elsewhere, S is not its ingress: transit. If both name hosts they must agree, and an {@code in_port} must
 *       be that host's port, else the flow is unattributed ({@link UnattributedReason#CONFLICT}); a source address
 *       of no known host is {@link UnattributedReason#UNKNOWN_SOURCE}.</li>
 *   <li>Without a source address, {@code in_port} of a port with exactly one host names that host; with several
 *       hosts (containers behind one port) it names that set; with none (and no link) the source is unknown.</li>
 *   <li>Without source address and {@code in_port}, the flow is destination-based: any host on S may have sent
 *       it.</li>
 * </ol>
 * The destination is the host with the flow's exact {@code eth_dst} or {@code ipv4_dst} (both must agree); a flow
 * without one, or with an address of no known host, is unattributed ({@link UnattributedReason#NO_DESTINATION},
 * {@link UnattributedReason#UNKNOWN_DESTINATION}).
 *
 * <p><b>How its rate is attributed.</b> A flow with a single source host adds its rate to (source, destination).
 * Rates of flows with a set of candidate sources are summed per (S, destination, set) and spread over the set in
 * proportion to the hosts' access-port receive rates ({@link PortRateLookup}: what the switch receives from each
 * host, i.e. what the host sends; hosts sharing a port share its rate equally); if any of them is unknown, or all
 * are zero, the term is spread equally. A destination-based flow on the destination's own access switch (the
 * delivery rule of destination-based forwarding) carries the traffic of remote sources, already counted at their
 * ingress, plus that of S's other hosts: the local part is estimated as the flow's rate minus the remote demand
 * towards the destination not already seen by other flows on S, clamped at zero, and spread over S's other hosts;
 * the rest is transit ({@link Options#withLocalResidual} turns this off, making the whole flow transit).
 *
 * <p><b>Assumptions.</b> Routing is valley-free (an access switch forwards towards a remote host only what its own
 * hosts send, as in fat-tree and leaf-spine routing), and each switch's rates cover about the same interval. Pass
 * one set of rates per switch: the same flow twice is refused, since it would be counted twice.
 */
public final class TrafficMatrixEstimator {
    private final HostDirectory directory;
    private final Options options;

    /** @param topology the topology whose hosts the flows are attributed to */
    public TrafficMatrixEstimator(TopologySnapshot topology, Options options) {
        this.directory = new HostDirectory(Objects.requireNonNull(topology, "topology"));
        this.options = Objects.requireNonNull(options, "options");
    }

    /** An estimator with {@link Options#defaults()}. */
    public TrafficMatrixEstimator(TopologySnapshot topology) {
        this(topology, Options.defaults());
    }

    /**
     * Estimates with equal spreading of destination-only flows.
     *
     * @param rates the latest rate of each flow, on any switches
     * @throws IllegalArgumentException if a flow appears twice
     */
    public TrafficMatrix estimate(Iterable<FlowRate> rates) {
        return estimate(rates, PortRateLookup.none());
    }

    /**
     * @param rates the latest rate of each flow, on any switches
     * @param accessRxBps measured receive rates of hosts' access ports, to spread destination-only flows by
     * @throws IllegalArgumentException if a flow appears twice
     */
    public TrafficMatrix estimate(Iterable<FlowRate> rates, PortRateLookup accessRxBps) {
        DemandAttribution run = new DemandAttribution(directory, options.localResidual, accessRxBps);
        Set<FlowKey> seen = new HashSet<>();
        for (FlowRate r : rates) {
            if (!seen.add(r.key())) {
                throw new IllegalArgumentException("flow given twice, it would be counted twice: " + r.key());
            }
            if (options.owners.accepts(r.entry().cookie())) {
                run.add(r);
            }
        }
        return run.finish();
    }

    /**
     * Estimates from each switch's latest {@link FlowRates}.
     *
     * @param accessRxBps measured receive rates of hosts' access ports; {@link PortRateLookup#none()} for equal
     *     spreading
     * @throws IllegalArgumentException if a switch appears twice (a history, not the latest rates)
     */
    public TrafficMatrix estimateFrom(Collection<FlowRates> latestPerSwitch, PortRateLookup accessRxBps) {
        Set<DatapathId> switches = new HashSet<>();
        List<FlowRate> all = new ArrayList<>();
        for (FlowRates rs : latestPerSwitch) {
            if (!switches.add(rs.dpid())) {
                throw new IllegalArgumentException("rates of switch " + rs.dpid() + " given twice");
            }
            all.addAll(rs.rates());
        }
        return estimate(all, accessRxBps);
    }

    /** Tunables of the estimator; immutable. */
    public static final class Options {
        private final OwnerFilter owners;
        private final boolean localResidual;

        private Options(OwnerFilter owners, boolean localResidual) {
            this.owners = Objects.requireNonNull(owners, "owners");
            this.localResidual = localResidual;
        }

        /** @return all flows, local residual of delivery rules on */
        public static Options defaults() {
            return new Options(OwnerFilter.ALL, true);
        }

        /** @return these options considering only the flows the filter accepts (others are ignored, not reported) */
        public Options withOwners(OwnerFilter filter) {
            return new Options(filter, localResidual);
        }

        /**
         * @return these options with the local residual of destination-based delivery rules estimated (true) or the
         *     whole delivery rule counted as transit (false)
         */
        public Options withLocalResidual(boolean estimate) {
            return new Options(owners, estimate);
        }

        /** @return which flows are considered */
        public OwnerFilter owners() {
            return owners;
        }

        /** @return whether the local residual of delivery rules is estimated */
        public boolean localResidual() {
            return localResidual;
        }
    }
}
