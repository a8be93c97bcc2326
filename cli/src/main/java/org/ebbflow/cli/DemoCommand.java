package org.ebbflow.cli;

import java.nio.file.Path;
import java.util.List;

import org.ebbflow.sim.Scenario;
import org.ebbflow.sim.SimConfig;
import org.ebbflow.sim.control.ControlPolicy;
import org.ebbflow.sim.control.Policies;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ebbflow demo}: the whole method in one command, with nothing but the JDK: a k=8 fat-tree, a simulated day of
 * diurnal container traffic with a flash crowd, and every policy side by side (always-on, reactive, predictive with
 * the shipped default model, oracle) on the same traffic; prints the comparison and the report's path.
 */
@Command(name = "demo", description = {"Simulate a day of a k=8 fat-tree data center under every policy.",
    "Diurnal container traffic with a surge (" + DemoCommand.TRAFFIC + "),",
    "the shipped default model; no root, no network, no data files. Results: OUT/demo-TIME/ (report.html)."})
public final class DemoCommand extends EbbflowSubcommand {
    /** The demo's topology. */
    static final String TOPOLOGY = "fat-tree:k=8";
    /** The demo's traffic. */
    static final String TRAFFIC = "synthetic:load=0.3,locality=mixed,diurnal=true,surges=1";
    /**
     * The demo's polling step. 30 s rather than the simulator's 5 s default: four policies on 128 hosts for 24 h at
     * 5 s take about 12 minutes on two cores (one such hour took 29 s in {@code experiments/scale}); at 30 s the day
     * takes about 75 s.
     */
    static final String STEP = "30s";

    @Option(names = "--hours", defaultValue = "24", paramLabel = "N",
            description = "Simulated hours (default: ${DEFAULT-VALUE}).")
    private double hours;

    @Option(names = "--step", defaultValue = STEP, paramLabel = "D",
            description = "Polling step (default: ${DEFAULT-VALUE}; 5s is the simulator's default but takes "
                    + "about ten times as long).")
    private String step;

    @Option(names = {"-s", "--seed"}, defaultValue = "1", paramLabel = "S",
            description = "Seed of the traffic (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "results", paramLabel = "DIR",
            description = "Parent folder of the results folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        if (!(hours > 0) || hours > 24 * 7) {
            throw new IllegalArgumentException("--hours must be positive and at most a week: " + hours);
        }
        long stepMillis = org.ebbflow.predictor.data.Durations.parseMillis(step);
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("--step must be positive: " + step);
        }
        SimConfig config = SimConfig.defaults(hours, seed).withStepMillis(stepMillis).withExportPorts(16);
        List<ControlPolicy> policies = Policies.createAll(Policies.DEFAULT_SET, config.policyOptions());
        Scenario scenario = Scenario.of(TOPOLOGY, TRAFFIC);
        return SimulateCommand.runAndReport(scenario, config, policies, out, "demo", json, out(), err(), log());
    }
}
