package org.ebbflow.planner.route;

/** Why a router did not place a demand. */
public enum RefusalReason {
    /** No path joins the endpoints even with every available element awake. */
    UNREACHABLE,
    /** A latency-sensitive or bulk demand: no candidate path has room under its class cap, everything awake. */
    NO_CAPACITY,
    /** A guaranteed demand: no candidate path can reserve the declared rate without overbooking. */
    NO_RESERVABLE_PATH
}
