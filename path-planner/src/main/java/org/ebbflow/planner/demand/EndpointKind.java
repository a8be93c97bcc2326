package org.ebbflow.planner.demand;

/** What a demand's source and destination numbers refer to in a snapshot. */
public enum EndpointKind {
    /** Host (container endpoint) indices: traffic enters and leaves at the hosts' attachment switches. */
    HOST,
    /** Switch indices, for topologies without hosts (Topology Zoo, SNDlib): traffic starts and ends at the nodes. */
    SWITCH
}
