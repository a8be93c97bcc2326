package org.ebbflow.planner.optimal;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.ResolvedDemands;
import org.ebbflow.planner.policy.Connectivity;
import org.ebbflow.planner.policy.Floor;
import org.ebbflow.planner.policy.Floors;
import org.ebbflow.planner.policy.ElementDirective;
import org.ebbflow.planner.policy.PowerDecision;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.planner.power.SwitchPowerTable;
import org.ebbflow.planner.route.Routing;
import org.ebbflow.planner.route.RoutingRequest;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The minimum-power subset as a MILP, built for one {@link RoutingRequest} and solved once. Variables: {@code x_s}
 * switch awake, {@code y_c} cable on, {@code f_d_l} demand d on directed link l (binary: unsplittable), {@code r_d}
 * demand refused, {@code z_k_l} class k present on link l (only for classes whose cap is below the highest). See
 * {@link OptimalRouter} for the formulation. With {@code connectivity}, the MILP also keeps every terminal (a switch
 * with hosts, or every switch of a host-less topology) connected to the others of its component by a single-commodity
 * flow {@code g_l} from a root terminal, so it chooses the never-partition floor itself instead of taking the
 * decision's. Not thread-safe; one instance per solve.
 */
final class MinPowerMilp {
    /** Watts added per flow variable set, so that solutions carry no idle cycles and prefer short paths. */
    static final double HOP_EPSILON_WATTS = 1e-4;
    /** Caps are shrunk by this relative margin so solver tolerances cannot overbook a link. */
    private static final double CAP_MARGIN = 1e-6;

    private final RoutingRequest request;
    private final TopologySnapshot t;
    private final ResolvedDemands demands;
    private final MPSolver solver;
    private final int[] cableOf;
    private final boolean connectivity;
    private final List<MPVariable[]> flows = new ArrayList<>();
    private MPVariable[] x;
    private MPVariable[] y;
    private MPVariable[] refused;
    private double constantWatts;
    private double penaltyWatts;
    private int rows;

    MinPowerMilp(RoutingRequest request, boolean connectivity) {
        OrTools.load();
        this.connectivity = connectivity;
        this.request = request;
        this.t = request.topology();
        this.demands = request.demands();
        this.solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was built without SCIP");
        }
        this.cableOf = new int[t.linkCount()];
    }

    /** Result of {@link #solve}: the statistics and, if any, the path of each routed demand (null if refused). */
    static final class Outcome {
        final MilpSolve solve;
        final int[][] paths;
        /** Per switch: awake in the solution (null without a solution). */
        final boolean[] awakeSwitches;
        /** Per directed link: its cable is on in the solution (null without a solution). */
        final boolean[] awakeLinks;

        Outcome(MilpSolve solve, int[][] paths, boolean[] awakeSwitches, boolean[] awakeLinks) {
            this.solve = solve;
            this.paths = paths;
            this.awakeSwitches = awakeSwitches;
            this.awakeLinks = awakeLinks;
        }
    }

    /**
     * @param timeLimitMillis the solver's wall-clock limit
     * @param hint a routing to start from (its power is an upper bound the solver may use), or null
     */
    Outcome solve(long timeLimitMillis, Routing hint) {
        long start = System.nanoTime();
        try {
            buildSwitchesAndCables();
            buildFlows();
            buildCapacities();
            if (connectivity) {
                buildConnectivity();
            }
            if (hint != null) {
                applyHint(hint);
            }
            solver.setTimeLimit(Math.max(1, timeLimitMillis));
            MPSolver.ResultStatus rs = solver.solve();
            long millis = (System.nanoTime() - start) / 1_000_000;
            SolveStatus status = map(rs);
            int vars = solver.numVariables();
            int cons = solver.numConstraints();
            if (!status.hasSolution()) {
                return new Outcome(new MilpSolve(status, Double.NaN, Double.NaN, millis, vars, cons, 0), null, null,
                        null);
            }
            int[][] paths = new int[demands.size()][];
            int refusedCount = 0;
            for (int d = 0; d < demands.size(); d++) {
                if (refused[d] != null && refused[d].solutionValue() > 0.5) {
                    refusedCount++;
                } else {
                    paths[d] = extractPath(d);
                }
            }
            double objective = solver.objective().value() + constantWatts - refusedCount * penaltyWatts
                    - HOP_EPSILON_WATTS * flowsSet();
            double bound = solver.objective().bestBound() + constantWatts;
            if (refusedCount > 0) {
                bound = Double.NaN;
            }
            if (status == SolveStatus.OPTIMAL && bound > objective) {
                bound = objective;
            }
            boolean[] awake = new boolean[t.switchCount()];
            for (int sw = 0; sw < awake.length; sw++) {
                awake[sw] = x[sw] != null ? x[sw].solutionValue() > 0.5 : request.current().isSwitchAwake(sw);
            }
            boolean[] on = new boolean[t.linkCount()];
            for (int l = 0; l < on.length; l++) {
                on[l] = cableOf[l] >= 0 && y[cableOf[l]].solutionValue() > 0.5;
            }
            return new Outcome(new MilpSolve(status, objective, bound, millis, vars, cons, refusedCount), paths,
                    awake, on);
        } finally {
            solver.delete();
        }
    }

    private int flowsSet() {
        int n = 0;
        for (MPVariable[] f : flows) {
            for (MPVariable v : f) {
                if (v != null && v.solutionValue() > 0.5) {
                    n++;
                }
            }
        }
        return n;
    }

    private static SolveStatus map(MPSolver.ResultStatus rs) {
        switch (rs) {
            case OPTIMAL:
                return SolveStatus.OPTIMAL;
            case FEASIBLE:
                return SolveStatus.FEASIBLE;
            case INFEASIBLE:
                return SolveStatus.INFEASIBLE;
            case NOT_SOLVED:
                return SolveStatus.NO_SOLUTION;
            default:
                return SolveStatus.ERROR;
        }
    }

    private MPConstraint row(double lb, double ub) {
        return solver.makeConstraint(lb, ub, "c" + (rows++));
    }

    private void buildSwitchesAndCables() {
        SwitchPowerTable power = request.power();
        PowerDecision decision = request.decision();
        PowerStates now = request.current();
        MPObjective obj = solver.objective();
        int n = t.switchCount();
        int[] hostPorts = hostPorts();
        x = new MPVariable[n];
        double allOn = 0;
        for (int s = 0; s < n; s++) {
            double awake = power.chassisWatts(s) + power.portWatts(s) * hostPorts[s];
            allOn += awake + power.portWatts(s) * (t.outLinkEnd(s) - t.outLinkStart(s) + 1);
            ElementDirective dir = decision.switchDirective(s);
            if (dir == ElementDirective.UNAVAILABLE || !PowerStates.isSwitchAvailable(t, s)) {
                constantWatts += now.isSwitchAwake(s) ? awake : power.sleepWatts(s);
                continue;
            }
            x[s] = solver.makeIntVar(dir == ElementDirective.REQUIRED ? 1 : 0, 1, "x" + s);
            constantWatts += power.sleepWatts(s);
            obj.setCoefficient(x[s], awake - power.sleepWatts(s));
        }
        penaltyWatts = allOn + 1;
        List<MPVariable> cables = new ArrayList<>();
        Arrays.fill(cableOf, -1);
        for (int l = 0; l < t.linkCount(); l++) {
            int r = t.reverseLink(l);
            if (r >= 0 && r < l) {
                continue;
            }
            int u = t.linkSrc(l);
            int v = t.linkDst(l);
            boolean usable = usable(l) && (r < 0 || usable(r)) && x[u] != null && x[v] != null;
            if (!usable) {
                continue;
            }
            boolean required = decision.linkDirective(l) == ElementDirective.REQUIRED
                    || r >= 0 && decision.linkDirective(r) == ElementDirective.REQUIRED;
            int c = cables.size();
            MPVariable yc = solver.makeIntVar(required ? 1 : 0, 1, "y" + c);
            cables.add(yc);
            cableOf[l] = c;
            if (r >= 0) {
                cableOf[r] = c;
            }
            obj.setCoefficient(yc, power.portWatts(u) + power.portWatts(v));
            MPConstraint cu = row(Double.NEGATIVE_INFINITY, 0);
            cu.setCoefficient(yc, 1);
            cu.setCoefficient(x[u], -1);
            MPConstraint cv = row(Double.NEGATIVE_INFINITY, 0);
            cv.setCoefficient(yc, 1);
            cv.setCoefficient(x[v], -1);
        }
        y = cables.toArray(new MPVariable[0]);
        obj.setMinimization();
    }

    /**
     * Per component of the available network with two or more terminals: every terminal stays awake, and a flow of
     * one unit from the component's first terminal to each other terminal runs over cables that are on
     * ({@code g_l <= (T - 1) y_c}), so the cables on connect all of the component's terminals.
     */
    private void buildConnectivity() {
        boolean[] terminal = Connectivity.terminals(t);
        int[] component = availableComponents();
        int n = t.switchCount();
        int[] terminalsIn = new int[n];
        int[] root = new int[n];
        Arrays.fill(root, -1);
        for (int s = 0; s < n; s++) {
            if (terminal[s] && x[s] != null) {
                terminalsIn[component[s]]++;
                if (root[component[s]] < 0) {
                    root[component[s]] = s;
                }
            }
        }
        MPVariable[] g = new MPVariable[t.linkCount()];
        for (int l = 0; l < g.length; l++) {
            int size = cableOf[l] < 0 ? 0 : terminalsIn[component[t.linkSrc(l)]];
            if (size < 2) {
                continue;
            }
            g[l] = solver.makeNumVar(0, size - 1, "g" + l);
            MPConstraint onlyOn = row(Double.NEGATIVE_INFINITY, 0);
            onlyOn.setCoefficient(g[l], 1);
            onlyOn.setCoefficient(y[cableOf[l]], -(size - 1));
        }
        for (int s = 0; s < n; s++) {
            int size = x[s] == null ? 0 : terminalsIn[component[s]];
            if (size < 2) {
                continue;
            }
            double supply = root[component[s]] == s ? size - 1 : terminal[s] ? -1 : 0;
            if (terminal[s]) {
                x[s].setLb(1);
            }
            MPConstraint balance = row(supply, supply);
            for (int p = t.outLinkStart(s); p < t.outLinkEnd(s); p++) {
                MPVariable v = g[t.outLinkAt(p)];
                if (v != null) {
                    balance.setCoefficient(v, 1);
                }
            }
            for (int p = t.inLinkStart(s); p < t.inLinkEnd(s); p++) {
                MPVariable v = g[t.inLinkAt(p)];
                if (v != null) {
                    balance.setCoefficient(v, -1);
                }
            }
        }
    }

    /** @return a component label per switch over the switches and cables the MILP may use */
    private int[] availableComponents() {
        boolean[] switchOn = new boolean[t.switchCount()];
        for (int s = 0; s < switchOn.length; s++) {
            switchOn[s] = x[s] != null;
        }
        boolean[] linkOn = new boolean[t.linkCount()];
        for (int l = 0; l < linkOn.length; l++) {
            linkOn[l] = cableOf[l] >= 0;
        }
        return Connectivity.components(t, switchOn, linkOn);
    }

    private boolean usable(int l) {
        return PowerStates.isLinkAvailable(t, l)
                && request.decision().linkDirective(l) != ElementDirective.UNAVAILABLE;
    }

    private int[] hostPorts() {
        int[] ports = new int[t.switchCount()];
        Set<ConnectPoint> seen = new HashSet<>(t.hostCount() * 2);
        for (int h = 0; h < t.hostCount(); h++) {
            if (seen.add(t.host(h).attachment())) {
                ports[t.hostSwitch(h)]++;
            }
        }
        return ports;
    }

    private void buildFlows() {
        MPObjective obj = solver.objective();
        refused = new MPVariable[demands.size()];
        int[] distFrom = new int[t.switchCount()];
        int[] distTo = new int[t.switchCount()];
        for (int d = 0; d < demands.size(); d++) {
            int src = demands.srcSwitch(d);
            int dst = demands.dstSwitch(d);
            MPVariable[] f = new MPVariable[t.linkCount()];
            flows.add(f);
            if (src == dst) {
                if (x[src] != null) {
                    x[src].setLb(1);
                }
                continue;
            }
            boolean shortestOnly = demands.demandClass(d) == DemandClass.LATENCY_SENSITIVE;
            if (shortestOnly) {
                HopDistances.fill(t, src, false, distFrom);
                HopDistances.fill(t, dst, true, distTo);
            }
            for (int l = 0; l < t.linkCount(); l++) {
                if (cableOf[l] < 0 || t.linkDst(l) == src || t.linkSrc(l) == dst) {
                    continue;
                }
                if (shortestOnly && !HopDistances.onShortest(t, l, distFrom, distTo, distFrom[dst])) {
                    continue;
                }
                f[l] = solver.makeBoolVar("f" + d + "_" + l);
                obj.setCoefficient(f[l], HOP_EPSILON_WATTS);
            }
            MPVariable rd = solver.makeBoolVar("r" + d);
            refused[d] = rd;
            obj.setCoefficient(rd, penaltyWatts);
            for (int s = 0; s < t.switchCount(); s++) {
                double rhs = s == src ? 1 : s == dst ? -1 : 0;
                if (rhs == 0 && !touches(f, s)) {
                    continue;
                }
                MPConstraint cons = row(rhs, rhs);
                for (int p = t.outLinkStart(s); p < t.outLinkEnd(s); p++) {
                    int l = t.outLinkAt(p);
                    if (f[l] != null) {
                        cons.setCoefficient(f[l], 1);
                    }
                }
                for (int p = t.inLinkStart(s); p < t.inLinkEnd(s); p++) {
                    int l = t.inLinkAt(p);
                    if (f[l] != null) {
                        cons.setCoefficient(f[l], -1);
                    }
                }
                if (rhs != 0) {
                    cons.setCoefficient(rd, rhs);
                }
            }
            for (int s : new int[] {src, dst}) {
                if (x[s] != null) {
                    MPConstraint on = row(1, Double.POSITIVE_INFINITY);
                    on.setCoefficient(x[s], 1);
                    on.setCoefficient(rd, 1);
                } else {
                    rd.setLb(1);
                }
            }
        }
    }

    private boolean touches(MPVariable[] f, int s) {
        for (int p = t.outLinkStart(s); p < t.outLinkEnd(s); p++) {
            if (f[t.outLinkAt(p)] != null) {
                return true;
            }
        }
        for (int p = t.inLinkStart(s); p < t.inLinkEnd(s); p++) {
            if (f[t.inLinkAt(p)] != null) {
                return true;
            }
        }
        return false;
    }

    private void buildCapacities() {
        double[] classCap = new double[DemandClass.values().length];
        boolean[] present = new boolean[classCap.length];
        double high = 0;
        for (DemandClass c : DemandClass.values()) {
            classCap[c.ordinal()] = request.caps().cap(c) * (1 - CAP_MARGIN);
        }
        for (int d = 0; d < demands.size(); d++) {
            present[demands.classOrdinal(d)] = true;
        }
        for (int k = 0; k < classCap.length; k++) {
            if (present[k]) {
                high = Math.max(high, classCap[k]);
            }
        }
        double reservationCap = request.caps().reservationCap() * (1 - CAP_MARGIN);
        int guaranteed = DemandClass.GUARANTEED.ordinal();
        for (int l = 0; l < t.linkCount(); l++) {
            if (cableOf[l] < 0) {
                continue;
            }
            double capacity = t.linkCapacityBps(l);
            MPVariable yc = y[cableOf[l]];
            MPConstraint load = row(Double.NEGATIVE_INFINITY, 0);
            load.setCoefficient(yc, -high);
            // Per class k below the highest cap: load_l + (high - cap_k) z_k_l <= high, f_d_l <= z_k_l.
            MPConstraint[] perClass = new MPConstraint[classCap.length];
            MPVariable[] classPresent = new MPVariable[classCap.length];
            MPConstraint reserve = null;
            for (int d = 0; d < demands.size(); d++) {
                MPVariable f = flows.get(d)[l];
                if (f == null) {
                    continue;
                }
                double share = demands.plannedBps(d) / capacity;
                load.setCoefficient(f, share);
                if (share < 1e-9) {
                    MPConstraint onlyIfOn = row(Double.NEGATIVE_INFINITY, 0);
                    onlyIfOn.setCoefficient(f, 1);
                    onlyIfOn.setCoefficient(yc, -1);
                }
                int k = demands.classOrdinal(d);
                if (classCap[k] < high) {
                    if (perClass[k] == null) {
                        classPresent[k] = solver.makeBoolVar("z" + k + "_" + l);
                        perClass[k] = row(Double.NEGATIVE_INFINITY, high);
                        perClass[k].setCoefficient(classPresent[k], high - classCap[k]);
                    }
                    MPConstraint link = row(Double.NEGATIVE_INFINITY, 0);
                    link.setCoefficient(f, 1);
                    link.setCoefficient(classPresent[k], -1);
                }
                if (k == guaranteed && reservationCap < high) {
                    if (reserve == null) {
                        reserve = row(Double.NEGATIVE_INFINITY, reservationCap);
                    }
                    reserve.setCoefficient(f, share);
                }
            }
            for (int k = 0; k < classCap.length; k++) {
                if (perClass[k] != null) {
                    // The class row bounds the link's whole load, every class's demands included.
                    for (int d = 0; d < demands.size(); d++) {
                        MPVariable f = flows.get(d)[l];
                        if (f != null) {
                            perClass[k].setCoefficient(f, demands.plannedBps(d) / capacity);
                        }
                    }
                }
            }
        }
    }

    private void applyHint(Routing hint) {
        List<MPVariable> vars = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        // With the connectivity constraint the routing alone is no solution: add the heuristic floor, so the hint
        // is what a heuristic planner would keep awake and the solver starts no worse than it.
        Floor floor = connectivity ? Floors.forTopology(t, 0).compute(t) : null;
        for (int s = 0; s < x.length; s++) {
            if (x[s] != null) {
                vars.add(x[s]);
                values.add(hint.usesSwitch(s) || x[s].lb() > 0.5 || floor != null && floor.hasSwitch(s) ? 1.0 : 0.0);
            }
        }
        boolean[] cableUsed = new boolean[y.length];
        for (int l = 0; floor != null && l < cableOf.length; l++) {
            if (cableOf[l] >= 0 && floor.hasLink(l)) {
                cableUsed[cableOf[l]] = true;
            }
        }
        for (int d = 0; d < demands.size(); d++) {
            MPVariable[] f = flows.get(d);
            if (refused[d] == null) {
                continue;
            }
            boolean routed = hint.isRouted(d);
            vars.add(refused[d]);
            values.add(routed ? 0.0 : 1.0);
            Set<Integer> on = new HashSet<>();
            if (routed) {
                for (int i = 0; i < hint.pathLength(d); i++) {
                    on.add(hint.pathLink(d, i));
                }
            }
            for (int l = 0; l < f.length; l++) {
                if (f[l] != null) {
                    boolean used = on.contains(l);
                    vars.add(f[l]);
                    values.add(used ? 1.0 : 0.0);
                    if (used) {
                        cableUsed[cableOf[l]] = true;
                    }
                }
            }
        }
        for (int c = 0; c < y.length; c++) {
            vars.add(y[c]);
            values.add(cableUsed[c] || y[c].lb() > 0.5 ? 1.0 : 0.0);
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        solver.setHint(vars.toArray(new MPVariable[0]), v);
    }

    /** @return true if demand {@code d}'s egress is reachable from its ingress over available links */
    boolean reachable(int d) {
        int src = demands.srcSwitch(d);
        int dst = demands.dstSwitch(d);
        boolean[] seen = new boolean[t.switchCount()];
        int[] queue = new int[t.switchCount()];
        int head = 0;
        int tail = 0;
        seen[src] = true;
        queue[tail++] = src;
        while (head < tail) {
            int u = queue[head++];
            for (int p = t.outLinkStart(u); p < t.outLinkEnd(u); p++) {
                int l = t.outLinkAt(p);
                int v = t.linkDst(l);
                if (cableOf[l] >= 0 && !seen[v]) {
                    seen[v] = true;
                    queue[tail++] = v;
                }
            }
        }
        return seen[dst];
    }

    /** Walks the chosen links from the source to the destination, cutting any loop. */
    private int[] extractPath(int d) {
        int src = demands.srcSwitch(d);
        int dst = demands.dstSwitch(d);
        if (src == dst) {
            return new int[0];
        }
        MPVariable[] f = flows.get(d);
        boolean[] taken = new boolean[f.length];
        List<Integer> links = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        nodes.add(src);
        int at = src;
        while (at != dst) {
            int next = -1;
            for (int p = t.outLinkStart(at); p < t.outLinkEnd(at) && next < 0; p++) {
                int l = t.outLinkAt(p);
                if (f[l] != null && !taken[l] && f[l].solutionValue() > 0.5) {
                    next = l;
                }
            }
            if (next < 0) {
                throw new IllegalStateException("MILP flow of demand " + d + " breaks off at switch " + at);
            }
            taken[next] = true;
            at = t.linkDst(next);
            int seen = nodes.indexOf(at);
            if (seen >= 0) {
                links.subList(seen, links.size()).clear();
                nodes.subList(seen + 1, nodes.size()).clear();
            } else {
                links.add(next);
                nodes.add(at);
            }
        }
        int[] path = new int[links.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = links.get(i);
        }
        return path;
    }
}
