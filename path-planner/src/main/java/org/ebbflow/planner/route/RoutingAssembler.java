package org.ebbflow.planner.route;

import java.util.Objects;

/**
 * Builds a {@link Routing} for routers that decide paths elsewhere, such as the exact minimum-power MILP: place or
 * refuse each demand, then {@link #build}. Loads, reservations, class caps and uses are booked exactly as this
 * package's routers book them; paths are checked for shape here, caps are not (the assembler reports them through
 * {@link #fits} and {@code PlanVerifier} checks the result). Demands left unplaced are refused as unreachable.
 */
public final class RoutingAssembler {
    private final RoutingState state;
    private boolean built;

    /** @param request the demands, decision, caps and power figures the routing is for */
    public RoutingAssembler(RoutingRequest request) {
        this.state = new RoutingState(Objects.requireNonNull(request, "request"));
    }

    /**
     * @param d a demand's position in the set
     * @param links its path from ingress to egress switch (empty if they are the same switch)
     * @return true if the path fits the demand's class cap and reservation given what is placed so far
     */
    public boolean fits(int d, int[] links) {
        return state.fits(d, links, 0, links.length);
    }

    /**
     * Routes demand {@code d} on {@code links}.
     *
     * @throws IllegalArgumentException if the demand is already placed or the links do not run from its ingress to
     *     its egress switch
     */
    public RoutingAssembler place(int d, int[] links) {
        checkOpen(d);
        int at = state.demands.srcSwitch(d);
        for (int l : links) {
            if (l < 0 || l >= state.topology.linkCount() || state.topology.linkSrc(l) != at) {
                throw new IllegalArgumentException("demand " + state.demands.demand(d).id()
                        + ": path is not contiguous at link " + l);
            }
            at = state.topology.linkDst(l);
        }
        if (at != state.demands.dstSwitch(d)) {
            throw new IllegalArgumentException("demand " + state.demands.demand(d).id()
                    + ": path does not end at its egress switch");
        }
        state.commit(d, links, 0, links.length);
        return this;
    }

    /** Refuses demand {@code d} with a reason and a one-line detail. */
    public RoutingAssembler refuse(int d, RefusalReason reason, String detail) {
        checkOpen(d);
        state.refuse(d, reason, detail);
        return this;
    }

    private void checkOpen(int d) {
        if (built) {
            throw new IllegalStateException("routing already built");
        }
        if (state.isPlaced(d)) {
            throw new IllegalArgumentException("demand " + state.demands.demand(d).id() + " is already placed");
        }
    }

    /**
     * @param router the name reported by {@link Routing#router()}
     * @return the routing; the assembler cannot be used afterwards
     */
    public Routing build(String router) {
        built = true;
        return state.freeze(router);
    }
}
