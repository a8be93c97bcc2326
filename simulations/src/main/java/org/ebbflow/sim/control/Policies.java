package org.ebbflow.sim.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ebbflow.planner.cycle.ControlLoop;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.policy.PolicySettings;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.route.TopologyAwareRouter;

/**
 * The policies the simulator runs, by name. All but always-on run the production
 * {@link ControlLoop} with the planner's {@link TopologyAwareRouter} (ElasticTree's topology-aware placement on
 * fat-trees and leaf-spines, greedy bin-packing elsewhere), so they differ only in what sizes the awake set:
 * <ul>
 *   <li>{@code always-on}: everything awake, ECMP.</li>
 *   <li>{@code reactive}: ElasticTree-style {@link ReactivePolicy} on the loads counters showed in the last step; no
 *   predictor.</li>
 *   <li>{@code predictive}: ebbflow, {@link ForecastThresholdPolicy} on the model's forecast upper bounds (default
 *   model unless {@link PolicyOptions#withModel}).</li>
 *   <li>{@code oracle}: the same policy fed the future's true link loads as a perfect forecast
 *   ({@link OracleForecaster}).</li>
 *   <li>{@code milp}: the exact minimum-power subset per step ({@link MilpPolicy}), small networks only.</li>
 * </ul>
 */
public final class Policies {
    /** Every name {@link #create} accepts, in the order reports list them. */
    public static final List<String> NAMES = List.of(AlwaysOnPolicy.NAME, "reactive", "predictive", "oracle",
            MilpPolicy.NAME);
    /** The policies the demo and the experiments compare. */
    public static final String DEFAULT_SET = "always-on,reactive,predictive,oracle";

    private Policies() {
    }

    /** @return the names that {@link #create} accepts */
    public static List<String> available() {
        return NAMES;
    }

    /**
     * @param name a policy name, case-insensitive
     * @param options step, power models, caps, model and settings
     * @return a new instance for one run
     * @throws PolicyNotAvailableException for an unknown name, with a one-line message
     */
    public static ControlPolicy create(String name, PolicyOptions options) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case AlwaysOnPolicy.NAME:
                return new AlwaysOnPolicy();
            case "reactive":
                return new PlannerPolicy("reactive", ControlLoop.of(planner(new ReactivePolicy(
                        options.reactiveTarget(), 0), options), null), null, 1);
            case "predictive":
                return new PlannerPolicy("predictive", ControlLoop.of(planner(
                        new ForecastThresholdPolicy(options.predictive()), options), options.newModel()), null, 1);
            case "oracle": {
                OracleForecaster oracle = new OracleForecaster(options.stepMillis(), leadSteps(options));
                return new PlannerPolicy("oracle", ControlLoop.of(planner(
                        new ForecastThresholdPolicy(options.predictive()), options), oracle), oracle, 1);
            }
            case MilpPolicy.NAME:
                return new MilpPolicy(options.milpTimeLimit(), options.caps(), options.powerModels(),
                        options.milpEvery());
            default:
                throw new PolicyNotAvailableException("unknown policy '" + name + "' (available: "
                        + String.join(", ", NAMES) + ")");
        }
    }

    /** @return the steps the forecast must reach: the policy's wake lead time in polling steps */
    static int leadSteps(PolicyOptions options) {
        PolicySettings s = options.predictive();
        long wake = 0;
        for (org.ebbflow.planner.power.SwitchPowerModel m : options.powerModels().models().values()) {
            wake = Math.max(wake, m.wakeLatencyMillis());
        }
        long lead = s.wakeLeadMillis(wake);
        return (int) Math.max(1, (lead + options.stepMillis() - 1) / options.stepMillis());
    }

    private static Planner planner(org.ebbflow.planner.policy.PowerPolicy policy, PolicyOptions options) {
        return new Planner(policy, new TopologyAwareRouter(), options.caps(), options.powerModels());
    }

    /**
     * @param list comma-separated names
     * @param options as for {@link #create}
     * @return new instances, in order
     * @throws PolicyNotAvailableException for a bad name, empty list or duplicate
     */
    public static List<ControlPolicy> createAll(String list, PolicyOptions options) {
        List<ControlPolicy> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String part : (list == null ? "" : list).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            ControlPolicy p = create(part, options);
            if (seen.contains(p.name())) {
                throw new PolicyNotAvailableException("policy '" + p.name() + "' listed twice");
            }
            seen.add(p.name());
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new PolicyNotAvailableException("no policy given (available: " + String.join(", ", NAMES) + ")");
        }
        return out;
    }
}
