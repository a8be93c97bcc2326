package org.ebbflow.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.optimal.OptimalPlan;
import org.ebbflow.planner.optimal.OptimalPlanner;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanRequest;
import org.ebbflow.planner.plan.PlanVerifier;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.plan.Strategy;
import org.ebbflow.planner.plan.Violation;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.PowerReport;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.spec.TopologySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ebbflow plan}: one planning cycle for a topology and demands, optionally against the exact optimum. */
@Command(name = "plan", description = {"Plan one cycle: which switches sleep and which paths the demands take.",
    "Prints power (watts), switch counts, the highest link utilisation, refused demands and whether the plan's",
    "invariants hold; with --optimal also the MILP optimum under the same policy decision and the gap",
    "powerWatts / optimalWatts - 1 (the router's), and the minimum-power subset, where the MILP chooses every",
    "element itself under its own connectivity constraint, with gapToMinimumSubset (policy and router)."},
        footerHeading = "%nDemand specs:%n", footer = {
            "  random:pairs=N,seed=S,load=L,locality=near|mid|far|mixed   L = mean rate / source access capacity",
            "  sndlib:PATH                                                 the SNDlib file's demand matrix",
            "  csv:PATH                                                    columns src,dst,rateBps,class"})
public final class PlanCommand extends EbbflowSubcommand {
    @Mixin
    private TopologyOption topology;

    @Mixin
    private JsonOutput json;

    @Option(names = {"-d", "--demands"}, required = true, paramLabel = "SPEC",
            description = "The demands, e.g. random:pairs=8,seed=1,load=0.2,locality=mixed (see Demand specs).")
    private String demands;

    @Option(names = {"-p", "--policy"}, paramLabel = "NAME", defaultValue = "greedy",
            description = "greedy, topology-aware, always-on or elastic-tree (default: ${DEFAULT-VALUE}).")
    private String policy;

    @Option(names = "--optimal", description = "Also solve the minimum-power MILP (small instances only).")
    private boolean optimal;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Solver time limit for --optimal in seconds (default: ${DEFAULT-VALUE}).")
    private double timeLimitSeconds;

    @Override
    protected int execute() throws Exception {
        Strategy strategy = Strategy.parse(policy);
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("--time-limit must be positive: " + timeLimitSeconds);
        }
        TopologySpec spec = topology.spec();
        TopologySnapshot t = spec.kind() == TopologySpec.Kind.SNDLIB ? spec.loadSndlib().snapshot() : spec.build();
        DemandSet set = DemandSpecs.read(demands, t);
        Planner planner = strategy.planner();
        long start = System.nanoTime();
        Plan plan = planner.plan(PlanRequest.builder(t, set).build());
        long planMillis = (System.nanoTime() - start) / 1_000_000;
        List<Violation> violations = PlanVerifier.verify(plan, t, set);
        OptimalPlan best = null;
        OptimalPlan subset = null;
        if (optimal) {
            Duration limit = Duration.ofMillis(Math.max(1, Math.round(timeLimitSeconds * 1000)));
            best = new OptimalPlanner(planner.policy(), limit).plan(PlanRequest.builder(t, set).build());
            subset = OptimalPlanner.minimumSubset(limit, ClassCaps.defaults(), PowerModelRegistry.defaults())
                    .plan(PlanRequest.builder(t, set).build());
        }
        Map<String, Object> fields = fields(strategy, plan, violations, planMillis, best, subset);
        if (json.enabled()) {
            json.print(out(), fields);
        } else {
            printText(out(), fields);
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> fields(Strategy strategy, Plan plan, List<Violation> violations, long planMillis,
                                      OptimalPlan best, OptimalPlan subset) {
        PowerReport after = plan.powerAfter();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", strategy.token());
        m.put("router", plan.router());
        m.put("demands", plan.demands().size());
        m.put("powerWatts", after.currentWatts());
        m.put("allOnWatts", after.allOnWatts());
        m.put("savedFraction", after.savedFraction());
        m.put("activeSwitches", after.awakeSwitches());
        m.put("asleepSwitches", after.asleepSwitches());
        m.put("maxLinkUtilization", plan.maxLinkUtilisation());
        m.put("refusedDemands", plan.refusedCount());
        m.put("invariantsHold", violations.isEmpty());
        List<String> texts = new ArrayList<>();
        for (Violation v : violations) {
            texts.add(v.toString());
        }
        m.put("violations", texts);
        m.put("planMillis", planMillis);
        if (best != null) {
            m.put("optimalWatts", best.watts());
            m.put("optimalBoundWatts", Double.isNaN(best.boundWatts()) ? null : best.boundWatts());
            m.put("optimalStatus", best.status().name());
            m.put("optimalSolveMillis", best.solve().solveMillis());
            m.put("optimalRefusedDemands", best.plan().refusedCount());
            m.put("gap", after.currentWatts() / best.watts() - 1);
        }
        if (subset != null) {
            m.put("minimumSubsetWatts", subset.watts());
            m.put("minimumSubsetStatus", subset.status().name());
            m.put("minimumSubsetRefusedDemands", subset.plan().refusedCount());
            m.put("gapToMinimumSubset", after.currentWatts() / subset.watts() - 1);
        }
        return m;
    }

    private static void printText(PrintWriter out, Map<String, Object> fields) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            out.printf("%-22s %s%n", e.getKey(), e.getValue());
        }
        out.flush();
    }
}
