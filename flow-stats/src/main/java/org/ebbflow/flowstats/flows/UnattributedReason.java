package org.ebbflow.flowstats.flows;

/** Why the rate of a flow (or part of it) could not be attributed to a pair of hosts. */
public enum UnattributedReason {
    /** The flow's switch is not in the topology. */
    UNKNOWN_SWITCH,
    /**
     * The source is not a known host: {@code eth_src}/{@code ipv4_src} of no known host (or of several), or an
     * {@code in_port} with neither a host nor a switch link behind it.
     */
    UNKNOWN_SOURCE,
    /** {@code eth_dst}/{@code ipv4_dst} of no known host (a gateway, an outside address) or of several. */
    UNKNOWN_DESTINATION,
    /** The match names no destination host: neither an exact {@code eth_dst} nor an exact {@code ipv4_dst}. */
    NO_DESTINATION,
    /** Fields of the match name different hosts (say {@code in_port} of one host and {@code eth_src} of another). */
    CONFLICT,
    /** A destination-only flow on a switch with no host (other than the destination) to spread it over. */
    NO_SOURCE_HOSTS,
    /** Source and destination are the same host. */
    SAME_HOST
}
