package org.ebbflow.planner.optimal;

import java.time.Duration;
import java.util.Objects;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.route.DemandRouter;
import org.ebbflow.planner.route.GreedyBinPackingRouter;
import org.ebbflow.planner.route.RefusalReason;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.planner.route.RoutingAssembler;
import org.ebbflow.planner.route.RoutingRequest;
import org.ebbflow.topology.TopologySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact minimum-power router: solves the minimum-power subset MILP with SCIP and places each demand on the path
 * the solution gives it. Formulation, for switches s, cables c = {u, v} (both directions of a link), directed links
 * l, demands d with rate r_d and class k(d):
 * <pre>
 *   min  Σ_s (chassis_s + port_s·hostPorts_s − sleep_s)·x_s + Σ_c (port_u + port_v)·y_c + P·Σ_d q_d + ε·Σ f
 *   y_c ≤ x_u,  y_c ≤ x_v                                  a cable needs both switches awake
 *   Σ_out f_dl − Σ_in f_dl = ±(1 − q_d) at src/dst, else 0 unsplittable flow (f binary), q_d = refused
 *   x_src(d) + q_d ≥ 1, x_dst(d) + q_d ≥ 1                  endpoints of a routed demand stay awake
 *   Σ_d (r_d / cap_l)·f_dl ≤ u_max·y_c                      load within the highest class cap, only on cables on
 *   Σ_d (r_d / cap_l)·f_dl + (u_max − u_k)·z_kl ≤ u_max,  f_dl ≤ z_kl   class k's lower cap where k is present
 *   x_s = 1, y_c = 1 where the decision requires; x, y, f = 0 where it marks unavailable
 *   f_dl = 0 off the fewest-hop paths for latency-sensitive demands
 * </pre>
 * P exceeds the all-on power, so a demand is refused only if no feasible routing carries it. The objective equals
 * the {@code PowerReport} watts of the plan the routing yields. Flows are unsplittable because a {@link Routing}
 * gives each demand one path, as every other router here does; ElasticTree's formal model splits flows, which can
 * only lower the optimum (so gaps here are against the unsplittable optimum).
 *
 * <p>The greedy bin-packer's routing is passed as a solution hint, and if the time limit hits before any incumbent
 * the greedy routing is returned ({@link SolveStatus#NO_SOLUTION}). For small instances only: at most
 * {@value #MAX_SWITCHES} switches (a k=6 fat tree has 45) and {@value #MAX_FLOW_VARIABLES} flow variables.
 * Not thread-safe.
 */
public final class OptimalRouter implements DemandRouter {
    /** The largest switch count accepted. */
    public static final int MAX_SWITCHES = 50;
    /** The largest demands × directed links product accepted. */
    public static final int MAX_FLOW_VARIABLES = 100_000;
    /** The default solver time limit. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(OptimalRouter.class);

    private final long timeLimitMillis;
    private final boolean connectivity;
    private final DemandRouter fallback = new GreedyBinPackingRouter();
    private MilpSolve last;
    private boolean[] lastAwakeSwitches;
    private boolean[] lastAwakeLinks;

    /** A router with the default 60 s time limit. */
    public OptimalRouter() {
        this(DEFAULT_TIME_LIMIT);
    }

    /** @param timeLimit the solver's wall-clock limit per {@link #route} call; positive */
    public OptimalRouter(Duration timeLimit) {
        this(timeLimit, false);
    }

    /**
     * @param timeLimit the solver's wall-clock limit per {@link #route} call; positive
     * @param connectivity true to keep the terminals connected inside the MILP (a single-commodity flow from a root
     *     terminal over cables that are on), for requests whose decision does not already require a floor; the
     *     elements the solution keeps on are then {@link #lastAwakeSwitches()} and {@link #lastAwakeLinks()}
     */
    public OptimalRouter(Duration timeLimit, boolean connectivity) {
        Objects.requireNonNull(timeLimit, "timeLimit");
        this.connectivity = connectivity;
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
        }
        this.timeLimitMillis = timeLimit.toMillis();
    }

    @Override
    public String name() {
        return "optimal";
    }

    /**
     * @throws InstanceTooLargeException if the topology or demand set is beyond the limits above
     */
    @Override
    public Routing route(RoutingRequest request) {
        checkSize(request.topology(), request.demands().size());
        Routing greedy = fallback.route(request);
        MinPowerMilp milp = new MinPowerMilp(request, connectivity);
        MinPowerMilp.Outcome out = milp.solve(timeLimitMillis, greedy);
        last = out.solve;
        lastAwakeSwitches = out.awakeSwitches;
        lastAwakeLinks = out.awakeLinks;
        LOG.debug("MILP on {}: {}", request.topology(), out.solve);
        if (!out.solve.status().hasSolution()) {
            return greedy;
        }
        RoutingAssembler asm = new RoutingAssembler(request);
        for (int d = 0; d < request.demands().size(); d++) {
            if (out.paths[d] != null) {
                asm.place(d, out.paths[d]);
            } else if (!milp.reachable(d)) {
                asm.refuse(d, RefusalReason.UNREACHABLE, "no available path joins its switches");
            } else if (request.demands().demandClass(d) == DemandClass.GUARANTEED) {
                asm.refuse(d, RefusalReason.NO_RESERVABLE_PATH, "no routing reserves its rate with the others");
            } else {
                asm.refuse(d, RefusalReason.NO_CAPACITY, "no routing within the class caps carries it with the others");
            }
        }
        return asm.build(name());
    }

    /**
     * @return per switch, awake in the last solution (a copy), or null before the first solve or if it found no
     *     solution
     */
    public boolean[] lastAwakeSwitches() {
        return lastAwakeSwitches == null ? null : lastAwakeSwitches.clone();
    }

    /** @return per directed link, its cable on in the last solution (a copy), or null as above */
    public boolean[] lastAwakeLinks() {
        return lastAwakeLinks == null ? null : lastAwakeLinks.clone();
    }

    /** @return the statistics of the last {@link #route} call, or null before the first */
    public MilpSolve lastSolve() {
        return last;
    }

    /**
     * @throws InstanceTooLargeException naming the limit if the instance is too large for the exact MILP
     */
    public static void checkSize(TopologySnapshot topology, int demandCount) {
        if (topology.switchCount() > MAX_SWITCHES) {
            throw new InstanceTooLargeException("too large for the exact MILP: " + topology.switchCount()
                    + " switches (at most " + MAX_SWITCHES + ", e.g. a k=6 fat tree or a ~30-node WAN)");
        }
        long vars = (long) demandCount * topology.linkCount();
        if (vars > MAX_FLOW_VARIABLES) {
            throw new InstanceTooLargeException("too large for the exact MILP: " + demandCount + " demands x "
                    + topology.linkCount() + " links = " + vars + " flow variables (at most " + MAX_FLOW_VARIABLES
                    + ")");
        }
    }

    @Override
    public String toString() {
        return "OptimalRouter{limit=" + timeLimitMillis + " ms}";
    }
}
