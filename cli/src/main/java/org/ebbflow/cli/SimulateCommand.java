package org.ebbflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ebbflow.planner.policy.PolicySettings;
import org.ebbflow.predictor.data.Durations;
import org.ebbflow.sim.PolicyResult;
import org.ebbflow.sim.Scenario;
import org.ebbflow.sim.SimConfig;
import org.ebbflow.sim.SimListener;
import org.ebbflow.sim.SimResult;
import org.ebbflow.sim.Simulator;
import org.ebbflow.sim.control.ControlPolicy;
import org.ebbflow.sim.control.Policies;
import org.ebbflow.sim.control.PolicyOptions;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.sim.net.CongestionModel;
import org.ebbflow.sim.report.PortSeriesRecorder;
import org.ebbflow.sim.report.ProgressLine;
import org.ebbflow.sim.report.ResultFiles;
import org.ebbflow.sim.report.RunDirectory;
import org.ebbflow.sim.report.SimulationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ebbflow simulate}: runs policies side by side on the same simulated traffic and writes raw CSV, plots and an
 * HTML report into a timestamped folder; prints a summary table (or one JSON object) on stdout.
 */
@Command(name = "simulate", description = {"Simulate policies side by side on one topology and traffic.",
    "Each policy gets its own switches, counters, production topology manager and statistics collector;",
    "all see the same demands. Results go to OUT/NAME-TIME/: steps.csv, summary.json, config.json,",
    "ports-POLICY.csv (ebbflow export format), plots/*.png and report.html."},
        footerHeading = "%nTopology specs (not with fbpod traffic, which builds a full mesh of its pods):%n",
        footer = {
            "  fat-tree:k=K[,rate=R][,hostRate=R]    leaf-spine:spines=S,leaves=L,hosts=H[,rate=R][,hostRate=R]",
            "  graphml:PATH[,rate=R][,hostRate=R][,hostsPerNode=N]    sndlib:PATH",
            "",
            "Traffic specs:",
            "  synthetic:load=L,locality=near|mid|far|mixed,diurnal=true|false,surges=N[,mix=hadoop|websearch]",
            "      more: ratio, surgeFactor, surgeMinutes, surgeHosts, peers, peerSeconds, onoff, onSeconds,",
            "      offSeconds, sigma, ls, gb (latency-sensitive and guaranteed shares)",
            "  abilene:PATH[,step=D][,scale=X]     replayed on --topology sndlib:PATH/abilene.xml",
            "  fbpod:PATH[,step=D][,scale=X]       one matrix per step unless step=; 1 unit = 1 Mbit/s unless scale=",
            "",
            "Policies: always-on, reactive (ElasticTree-style, current counters), predictive (ebbflow, forecast),",
            "  oracle (the future's true loads as the forecast), milp (exact minimum-power subset per step,",
            "  at most about 50 switches)."})
public final class SimulateCommand extends EbbflowSubcommand {
    @Option(names = {"-t", "--topology"}, paramLabel = "SPEC",
            description = "The topology, e.g. fat-tree:k=8 (required except for fbpod traffic).")
    private String topology;

    @Option(names = {"-T", "--traffic"}, required = true, paramLabel = "SPEC",
            description = "The traffic, e.g. synthetic:load=0.3,locality=mixed,diurnal=true,surges=1.")
    private String traffic;

    @Option(names = {"-p", "--policies"}, defaultValue = "always-on", paramLabel = "LIST",
            description = "Comma-separated policies (default: ${DEFAULT-VALUE}).")
    private String policies;

    @Option(names = {"-m", "--model"}, defaultValue = "default", paramLabel = "MODEL",
            description = {"The predictive policy's model: default (shipped), a baseline (persistence, ewma, holt,",
                "seasonal-naive) or a model file; a file that does not load falls back to holt with a warning",
                "(default: ${DEFAULT-VALUE})."})
    private String model;

    @Option(names = "--low-water", paramLabel = "U",
            description = "Predictive/oracle low water: sleep only if the rest stays at or below U (default: "
                    + PolicyOptions.DEFAULT_LOW_WATER + ").")
    private Double lowWater;

    @Option(names = "--high-water", paramLabel = "U",
            description = "Predictive/oracle high water: wake above U of awake capacity (default: "
                    + PolicyOptions.DEFAULT_HIGH_WATER + ").")
    private Double highWater;

    @Option(names = "--dwell", paramLabel = "D",
            description = "Predictive/oracle minimum dwell per element (default: 10m).")
    private String dwell;

    @Option(names = "--reactive-target", paramLabel = "U",
            description = "Reactive policy's target utilisation (default: 0.8).")
    private Double reactiveTarget;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Threads stepping policies in parallel; 0 = one per policy up to the processors "
                    + "(default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--hours", defaultValue = "1", paramLabel = "N",
            description = "Simulated hours (default: ${DEFAULT-VALUE}).")
    private double hours;

    @Option(names = {"-s", "--seed"}, defaultValue = "1", paramLabel = "S",
            description = "Seed of traffic and counter noise (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "results", paramLabel = "DIR",
            description = "Parent folder of the run's results folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--name", defaultValue = "simulate", paramLabel = "NAME",
            description = "Name of the results folder, before the time (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--step", defaultValue = "5s", paramLabel = "D",
            description = "Simulation step = polling interval (default: ${DEFAULT-VALUE}).")
    private String step;

    @Option(names = "--wake-latency", defaultValue = "3s", paramLabel = "D",
            description = "Time from a wake command until an element forwards (default: ${DEFAULT-VALUE}).")
    private String wakeLatency;

    @Option(names = "--congestion", defaultValue = "proportional", paramLabel = "MODEL",
            description = "proportional or max-min (default: ${DEFAULT-VALUE}).")
    private String congestion;

    @Option(names = "--export-ports", defaultValue = "64", paramLabel = "N",
            description = "Ports whose series are exported per policy, 0 for none (default: ${DEFAULT-VALUE}).")
    private int exportPorts;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        if (!(hours > 0) || hours > 24 * 366) {
            throw new IllegalArgumentException("--hours must be positive and at most a year: " + hours);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must not be negative: " + threads);
        }
        if (exportPorts < 0) {
            throw new IllegalArgumentException("--export-ports must not be negative: " + exportPorts);
        }
        long stepMillis = duration("--step", step);
        long wakeMillis = duration("--wake-latency", wakeLatency);
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("--step must be positive: " + step);
        }
        CongestionModel congestionModel = CongestionModel.parse(congestion);
        long steps = Math.max(1, Math.round(hours * 3_600_000 / stepMillis));
        SimConfig d = SimConfig.defaults(hours, seed);
        SimConfig config = new SimConfig(stepMillis, steps * stepMillis, seed, Long.MIN_VALUE, wakeMillis,
                d.counters(), congestionModel, d.caps(), d.powerModels(), d.meanPacketBytes(), exportPorts, threads);
        List<ControlPolicy> list = Policies.createAll(policies, policyOptions(config));
        Scenario scenario = Scenario.of(topology, traffic);
        return runAndReport(scenario, config, list, out, name, json, out(), err(), log());
    }

    /**
     * Runs a simulation into a timestamped folder under {@code parent} and prints the table (or one JSON object).
     *
     * @return the exit code
     */
    static int runAndReport(Scenario scenario, SimConfig config, List<ControlPolicy> list, Path parent, String name,
                            JsonOutput json, PrintWriter stdout, PrintWriter stderr, org.slf4j.Logger log)
            throws java.io.IOException {
        Path dir = RunDirectory.create(parent, name, Instant.now());
        SimResult result;
        try (PortSeriesRecorder ports = new PortSeriesRecorder(dir, config.exportPorts())) {
            SimListener progress = new ProgressLine(stderr, System.console() != null && !json.enabled());
            result = new Simulator(scenario, config, list).run(SimListener.all(ports, progress));
        }
        Path report = SimulationReport.write(result, dir);
        log.info("results in {}", dir);
        if (json.enabled()) {
            Map<String, Object> m = new LinkedHashMap<>(ResultFiles.summary(result, true));
            m.put("results", dir.toString());
            m.put("report", report.toString());
            json.print(stdout, m);
        } else {
            printText(stdout, result, report);
        }
        return ExitCodes.OK;
    }

    private PolicyOptions policyOptions(SimConfig config) {
        PolicyOptions o = config.policyOptions().withModelSpec(model);
        PolicySettings.Builder b = PolicySettings.builder().decisionPeriodMillis(config.stepMillis())
                .lowWater(o.predictive().lowWater()).highWater(o.predictive().highWater())
                .minDwellMillis(o.predictive().minDwellMillis());
        if (lowWater != null) {
            b.lowWater(lowWater);
        }
        if (highWater != null) {
            b.highWater(highWater);
        }
        if (dwell != null) {
            b.minDwellMillis(duration("--dwell", dwell));
        }
        o = o.withPredictive(b.build());
        return reactiveTarget == null ? o : o.withReactiveTarget(reactiveTarget);
    }

    private static long duration(String option, String text) {
        try {
            return Durations.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    static void printText(PrintWriter out, SimResult r, Path report) {
        out.printf("topology  %s%n", r.scenario().topologyText());
        out.printf("traffic   %s%n", r.scenario().traffic());
        out.printf(Locale.ROOT, "run       %d steps of %s (%.2f h), seed %d, %.1f s wall%n", r.config().steps(),
                Durations.format(r.config().stepMillis()), r.config().durationMillis() / 3.6e6, r.config().seed(),
                r.wallMillis() / 1000.0);
        out.println();
        String row = "%-12s %10s %8s %10s %12s %11s %8s %8s %9s %9s%n";
        out.printf(row, "policy", "energy_kWh", "energy", "asleep", "undelivered", "sla_link_s", "p99_util",
                "max_util", "trans/h", "rules/h");
        for (PolicyResult p : r.policies()) {
            PolicySummary s = p.summary();
            out.printf(Locale.ROOT, row, s.policy(), String.format(Locale.ROOT, "%.3f", s.energyKWh()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * s.energyFraction()),
                    String.format(Locale.ROOT, "%.1f", s.meanSwitchesAsleep()),
                    String.format(Locale.ROOT, "%.4f%%", 100 * s.undeliveredFraction()),
                    String.format(Locale.ROOT, "%.0f", s.slaViolationLinkSeconds()),
                    String.format(Locale.ROOT, "%.3f", s.p99LinkUtilization()),
                    String.format(Locale.ROOT, "%.3f", s.maxLinkUtilization()),
                    String.format(Locale.ROOT, "%.1f", s.transitionsPerHour()),
                    String.format(Locale.ROOT, "%.1f", s.ruleChangesPerHour()));
        }
        out.println();
        out.printf("report    %s%n", report);
        out.flush();
    }
}
