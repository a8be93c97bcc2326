package org.ebbflow.sim.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.policy.PolicySettings;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Baselines;
import org.ebbflow.predictor.baseline.Holt;
import org.ebbflow.predictor.learned.DefaultModel;
import org.ebbflow.predictor.learned.LearnedPredictor;
import org.ebbflow.predictor.learned.ModelFileException;
import org.ebbflow.predictor.learned.ModelFiles;

/**
 * What {@link Policies} needs to build the planner's policies for one simulation: the polling step, the power models
 * (with the simulator's wake latency), class caps, the predictive policy's model and settings, the reactive target and
 * the MILP's limits. Immutable; the {@code with...} methods return copies.
 */
public final class PolicyOptions {
    /** The predictive policy's low water in the simulator (the planner's default is 0.4). */
    public static final double DEFAULT_LOW_WATER = 0.65;
    /** The predictive policy's high water in the simulator (the planner's default is 0.8). */
    public static final double DEFAULT_HIGH_WATER = 0.9;

    private final long stepMillis;
    private final PowerModelRegistry powerModels;
    private final ClassCaps caps;
    private final Supplier<TrafficPredictor> model;
    private final String modelName;
    private final PolicySettings predictive;
    private final double reactiveTarget;
    private final Duration milpTimeLimit;
    private final int milpEvery;

    private PolicyOptions(long stepMillis, PowerModelRegistry powerModels, ClassCaps caps,
                          Supplier<TrafficPredictor> model, String modelName, PolicySettings predictive,
                          double reactiveTarget, Duration milpTimeLimit, int milpEvery) {
        if (stepMillis <= 0 || milpEvery < 1) {
            throw new IllegalArgumentException("step must be positive and the MILP period at least one step");
        }
        this.stepMillis = stepMillis;
        this.powerModels = Objects.requireNonNull(powerModels, "powerModels");
        this.caps = Objects.requireNonNull(caps, "caps");
        this.model = Objects.requireNonNull(model, "model");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.predictive = Objects.requireNonNull(predictive, "predictive");
        this.reactiveTarget = reactiveTarget;
        this.milpTimeLimit = Objects.requireNonNull(milpTimeLimit, "milpTimeLimit");
        this.milpEvery = milpEvery;
    }

    /**
     * @param stepMillis the polling step, which is also the decision period
     * @param powerModels power models whose wake latency is the simulator's
     * @param caps class caps
     * @return the default model ({@link DefaultModel}), {@link #predictiveDefaults}, the reactive policy's default
     *     target, a 10 s MILP limit every step
     */
    public static PolicyOptions defaults(long stepMillis, PowerModelRegistry powerModels, ClassCaps caps) {
        return new PolicyOptions(stepMillis, powerModels, caps, PolicyOptions::defaultModel, DefaultModel.NAME,
                predictiveDefaults(stepMillis), ReactivePolicy.DEFAULT_TARGET, Duration.ofSeconds(10), 1);
    }

    /**
     * The predictive policy's settings in the simulator: the planner's defaults (10-minute dwell) with the decision
     * period set to the polling step (the simulator decides every cycle) and the band raised from 0.4–0.8 to
     * {@value #DEFAULT_LOW_WATER}–{@value #DEFAULT_HIGH_WATER}. Why: the model's 0.95 upper bounds on single links
     * are wide (on the demo's day an edge switch's links' bounds summed to about 2.5 times their mean), so even
     * after the policy combines them per group (means plus the root-sum-square of the margins) the bound carries the
     * noise headroom the planner's band reserves a second time. Measured on the demo's day (k=8, 30 s polling, 24 h,
     * 10-minute dwell): band 0.4–0.8 used 89.0% of all-on energy, 0.65–0.9 84.2%, 0.8–0.95 82.8%, with SLA
     * link-seconds within 1.6% of each other and transitions 1,193, 1,311 and 1,377 per hour; the oracle (same
     * policy, true loads) used 86.7%, 82.9% and 82.2%. 0.65–0.9 keeps a factor 1.4 between the level that sleeps an
     * element and the one that wakes it; high water 0.9 is the bulk class cap.
     *
     * @param stepMillis the polling step
     * @return the settings
     */
    public static PolicySettings predictiveDefaults(long stepMillis) {
        return PolicySettings.builder().decisionPeriodMillis(stepMillis).lowWater(DEFAULT_LOW_WATER)
                .highWater(DEFAULT_HIGH_WATER).build();
    }

    private static TrafficPredictor defaultModel() {
        try {
            return DefaultModel.load();
        } catch (ModelFileException e) {
            throw new IllegalStateException("the default model does not load: " + e.getMessage(), e);
        }
    }

    /** @return the polling step, milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the power models */
    public PowerModelRegistry powerModels() {
        return powerModels;
    }

    /** @return the class caps */
    public ClassCaps caps() {
        return caps;
    }

    /** @return a new instance of the predictive policy's model, declared at the polling step */
    public TrafficPredictor newModel() {
        TrafficPredictor p = model.get();
        if (p instanceof LearnedPredictor lp) {
            return lp.atStep(stepMillis);
        }
        return p;
    }

    /** @return the model's name for reports */
    public String modelName() {
        return modelName;
    }

    /** @return the predictive (and oracle) policy's settings */
    public PolicySettings predictive() {
        return predictive;
    }

    /** @return the reactive policy's target utilisation */
    public double reactiveTarget() {
        return reactiveTarget;
    }

    /** @return the MILP's time limit per decision */
    public Duration milpTimeLimit() {
        return milpTimeLimit;
    }

    /** @return the MILP solves every this many steps */
    public int milpEvery() {
        return milpEvery;
    }

    /**
     * @param name the model's name for reports
     * @param supplier makes the predictor (called once per policy that needs it)
     * @return a copy with another model for the predictive policy
     */
    public PolicyOptions withModel(String name, Supplier<TrafficPredictor> supplier) {
        return new PolicyOptions(stepMillis, powerModels, caps, supplier, name, predictive, reactiveTarget,
                milpTimeLimit, milpEvery);
    }

    /**
     * @param spec {@code default} (the shipped model), a baseline's name ({@link Baselines#NAMES}), or a model file;
     *     a file that does not load falls back to the Holt baseline with a WARN
     *     ({@link ModelFiles#loadOrFallback})
     * @return a copy whose predictive policy uses that model
     * @throws IllegalArgumentException if the spec names neither a baseline nor an existing file
     */
    public PolicyOptions withModelSpec(String spec) {
        String s = spec == null ? DefaultModel.NAME : spec.trim();
        int horizon = Math.max(12, Policies.leadSteps(this));
        if (DefaultModel.NAME.equals(s)) {
            return withModel(DefaultModel.NAME, PolicyOptions::defaultModel);
        }
        if (Baselines.isBaseline(s)) {
            return withModel(s, () -> Baselines.create(s, stepMillis, horizon));
        }
        Path file = Paths.get(s);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model '" + s + "' is neither a model file nor one of: "
                    + DefaultModel.NAME + ", " + String.join(", ", Baselines.NAMES));
        }
        return withModel(file.getFileName().toString(), () -> ModelFiles.loadOrFallback(file,
                () -> Baselines.create(Holt.NAME, stepMillis, horizon)));
    }

    /** @return a copy with other predictive settings */
    public PolicyOptions withPredictive(PolicySettings settings) {
        return new PolicyOptions(stepMillis, powerModels, caps, model, modelName, settings, reactiveTarget,
                milpTimeLimit, milpEvery);
    }

    /** @return a copy with another reactive target */
    public PolicyOptions withReactiveTarget(double target) {
        return new PolicyOptions(stepMillis, powerModels, caps, model, modelName, predictive, target, milpTimeLimit,
                milpEvery);
    }

    /** @return a copy with other MILP limits */
    public PolicyOptions withMilp(Duration timeLimit, int every) {
        return new PolicyOptions(stepMillis, powerModels, caps, model, modelName, predictive, reactiveTarget,
                timeLimit, every);
    }

    @Override
    public String toString() {
        return "PolicyOptions{step " + stepMillis + " ms, model " + modelName + ", predictive " + predictive
                + ", reactive target " + reactiveTarget + "}";
    }
}
