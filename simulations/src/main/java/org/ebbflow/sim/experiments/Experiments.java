package org.ebbflow.sim.experiments;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ebbflow.sim.PolicyResult;
import org.ebbflow.sim.Scenario;
import org.ebbflow.sim.SimConfig;
import org.ebbflow.sim.SimListener;
import org.ebbflow.sim.SimResult;
import org.ebbflow.sim.Simulator;
import org.ebbflow.sim.control.Policies;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.sim.report.RunDirectory;
import org.ebbflow.sim.report.SimulationReport;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * The experiments of {@code simulations/experiments/}: each run is a full simulation (its own folder with steps.csv,
 * summary.json, plots and report.html) and the experiment adds one {@code summary.csv} row per run and policy plus a
 * plot of the headline figure. Run as {@code java -cp ... org.ebbflow.sim.experiments.Experiments NAME OUT [options]}
 * (see each experiment's README); the same methods serve the trend tests with small cases.
 */
public final class Experiments {
    /** The summary's header. */
    public static final String HEADER = "experiment,run,k,traffic,locality,load,hours,step_s,policy,energy_fraction,"
            + "energy_kwh,sla_link_s,undelivered,transitions_per_h,rules_per_h,max_util,max_offered,"
            + "mean_switches_asleep,floor_fraction,wall_s";

    private Experiments() {
    }

    /** One simulation of an experiment. */
    public record Case(String run, int k, String traffic, String locality, double load, double hours,
                       long stepMillis, String policies) {
        /** @return the topology spec */
        public String topology() {
            return "fat-tree:k=" + k;
        }
    }

    /** One case's outcome. */
    public record Outcome(Case c, SimResult result, Path dir) {
        /** @return the policy's summary */
        public PolicySummary summary(String policy) {
            return result.policy(policy).summary();
        }
    }

    /**
     * Energy against load for one locality: steady traffic (no diurnal envelope, no surge).
     *
     * @return one case per load
     */
    public static List<Case> energyVsLoad(int k, String locality, double[] loads, double hours, long stepMillis,
                                          String policies) {
        List<Case> out = new ArrayList<>();
        for (double load : loads) {
            out.add(new Case(String.format(Locale.ROOT, "%s-load%.2f", locality, load), k,
                    String.format(Locale.ROOT, "synthetic:load=%s,locality=%s,diurnal=false,surges=0", load,
                            locality), locality, load, hours, stepMillis, policies));
        }
        return out;
    }

    /**
     * Runs the cases in order into {@code out/<experiment>-<time>/}, writes summary.csv and energy.png.
     *
     * @return the outcomes
     */
    public static List<Outcome> run(String experiment, List<Case> cases, Path out, long seed, PrintStream log)
            throws IOException {
        Path dir = RunDirectory.create(out, experiment, Instant.now());
        List<Outcome> outcomes = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Case c : cases) {
            SimConfig config = SimConfig.defaults(c.hours(), seed).withStepMillis(c.stepMillis()).withExportPorts(0);
            Scenario scenario = Scenario.of(c.topology(), c.traffic());
            long t0 = System.nanoTime();
            SimResult r = new Simulator(scenario, config, Policies.createAll(c.policies(), config.policyOptions()))
                    .run(SimListener.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            Path runDir = Files.createDirectories(dir.resolve(c.run()));
            SimulationReport.write(r, runDir);
            outcomes.add(new Outcome(c, r, runDir));
            for (PolicyResult p : r.policies()) {
                PolicySummary s = p.summary();
                csv.append(String.join(",", experiment, c.run(), Integer.toString(c.k()), '"' + c.traffic() + '"',
                        c.locality(), fmt(c.load()), fmt(c.hours()), fmt(c.stepMillis() / 1000.0), s.policy(),
                        fmt(s.energyFraction()), fmt(s.energyKWh()), fmt(s.slaViolationLinkSeconds()),
                        fmt(s.undeliveredFraction()), fmt(s.transitionsPerHour()), fmt(s.ruleChangesPerHour()),
                        fmt(s.maxLinkUtilization()), fmt(s.maxOfferedLoad()), fmt(s.meanSwitchesAsleep()),
                        fmt(floorFraction(c.k())), fmt(wall))).append('\n');
            }
            log.printf(Locale.ROOT, "%s %s: %.1f s%n", experiment, c.run(), wall);
            Files.writeString(dir.resolve("summary.csv"), csv.toString(), StandardCharsets.UTF_8);
        }
        plotEnergy(experiment, outcomes, dir.resolve("energy.png"));
        return outcomes;
    }

    /**
     * The connectivity floor's share of all-on power for a k-ary fat-tree with the default 150 W + 1 W per port
     * model (anchors §6: 50.3% at k=8, 43.4% at k=16): every edge switch with its k/2 host ports and one uplink, one
     * aggregation switch per pod with its k/2 edge ports and one core port, one core switch with its k pod ports,
     * over all 5k²/4 switches with every port on.
     *
     * @return the lowest energy fraction any policy that keeps every host reachable can reach
     */
    public static double floorFraction(int k) {
        double h = k / 2.0;
        double allOn = 5.0 * k * k / 4 * (150 + k);
        // Edges: k/2 host ports + 1 uplink each; aggregation (one per pod): k/2 edge ports + 1 core port; one core:
        // k ports (one per pod).
        double edges = k * h * (150 + h + 1);
        double aggs = k * (150 + h + 1);
        double core = 150 + k;
        return (edges + aggs + core) / allOn;
    }

    private static void plotEnergy(String experiment, List<Outcome> outcomes, Path file) throws IOException {
        if (outcomes.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title(experiment + ": energy per run")
                .xAxisTitle("run").yAxisTitle("energy, fraction of always-on").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        Map<String, List<double[]>> byPolicy = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            for (PolicyResult p : outcomes.get(i).result().policies()) {
                byPolicy.computeIfAbsent(p.name(), n -> new ArrayList<>())
                        .add(new double[] {i, p.summary().energyFraction()});
            }
        }
        for (Map.Entry<String, List<double[]>> e : byPolicy.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(v -> v[1]).toArray();
            chart.addSeries(e.getKey(), x, y);
        }
        double[] fx = new double[outcomes.size()];
        double[] fy = new double[outcomes.size()];
        for (int i = 0; i < fx.length; i++) {
            fx[i] = i;
            fy[i] = floorFraction(outcomes.get(i).c().k());
        }
        chart.addSeries("fat-tree floor", fx, fy);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * Runs an experiment by name: {@code energy-vs-load}, {@code diurnal-surge} or {@code scale}.
     *
     * @param args NAME OUT [key=value ...]: {@code k}, {@code hours}, {@code step} (seconds), {@code policies},
     *     {@code loads} (colon-separated), {@code ks} (colon-separated, scale), {@code seed}
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Experiments energy-vs-load|diurnal-surge|scale OUT [key=value ...]");
            System.exit(2);
        }
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        Path out = Paths.get(args[1]);
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        String policies = o.getOrDefault("policies", Policies.DEFAULT_SET);
        long step = Math.round(Double.parseDouble(o.getOrDefault("step", "30")) * 1000);
        List<Case> cases = new ArrayList<>();
        switch (args[0]) {
            case "energy-vs-load" -> {
                int k = Integer.parseInt(o.getOrDefault("k", "8"));
                double hours = Double.parseDouble(o.getOrDefault("hours", "1"));
                double[] loads = parseList(o.getOrDefault("loads", "0.05:0.1:0.2:0.4:0.6"));
                for (String loc : new String[] {"near", "mid", "far"}) {
                    cases.addAll(energyVsLoad(k, loc, loads, hours, step, policies));
                }
            }
            case "diurnal-surge" -> {
                double hours = Double.parseDouble(o.getOrDefault("hours", "24"));
                for (double kk : parseList(o.getOrDefault("ks", "8:16"))) {
                    int k = (int) kk;
                    cases.add(new Case("diurnal-k" + k, k,
                            "synthetic:load=0.3,locality=mixed,diurnal=true,surges=0", "mixed", 0.3, hours, step,
                            policies));
                    cases.add(new Case("surge-k" + k, k,
                            "synthetic:load=0.3,locality=mixed,diurnal=true,surges=3", "mixed", 0.3, hours, step,
                            policies));
                }
            }
            case "scale" -> {
                double hours = Double.parseDouble(o.getOrDefault("hours", "1"));
                for (double kk : parseList(o.getOrDefault("ks", "8:16:32:48"))) {
                    int k = (int) kk;
                    cases.add(new Case("k" + k, k, "synthetic:load=0.2,locality=mixed,diurnal=true,surges=0",
                            "mixed", 0.2, hours, step, policies));
                }
            }
            default -> {
                System.err.println("unknown experiment " + args[0]);
                System.exit(2);
            }
        }
        run(args[0], cases, out, seed, System.out);
    }

    private static double[] parseList(String s) {
        String[] parts = s.split(":");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }
}
