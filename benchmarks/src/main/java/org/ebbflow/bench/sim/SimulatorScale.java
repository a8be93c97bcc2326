package org.ebbflow.bench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ebbflow.sim.PolicyResult;
import org.ebbflow.sim.Scenario;
import org.ebbflow.sim.SimConfig;
import org.ebbflow.sim.SimListener;
import org.ebbflow.sim.SimResult;
import org.ebbflow.sim.Simulator;
import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.ebbflow.sim.control.ControlPolicy;

/**
 * Wall time of simulated hours on k-ary fat-trees, always-on, synthetic mixed traffic at 5 s steps, every counter
 * through the production collectors. A whole-run measurement (minutes per point), so a plain main rather than JMH.
 *
 * <pre>
 * java -Xmx12g -cp benchmarks/target/benchmarks.jar org.ebbflow.bench.sim.SimulatorScale [k,k,...] [hours] [traffic]
 * </pre>
 * Defaults: k = 8,16,48, one hour, {@code synthetic:load=0.3,locality=mixed,diurnal=true,surges=1}. Prints one
 * line per k: wall seconds, wall per simulated hour, steps per second, counter samples, heap used.
 */
public final class SimulatorScale {
    private SimulatorScale() {
    }

    /** @param args k values (comma-separated), hours, traffic spec */
    public static void main(String[] args) {
        String ks = args.length > 0 ? args[0] : "8,16,48";
        double hours = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        String traffic = args.length > 2 ? args[2] : "synthetic:load=0.3,locality=mixed,diurnal=true,surges=1";
        System.out.printf(Locale.ROOT, "%-4s %8s %8s %8s %10s %14s %9s%n", "k", "hosts", "wall_s", "s_per_h",
                "steps/s", "samples", "heap_MB");
        for (String k : ks.split(",")) {
            Scenario scenario = Scenario.of("fat-tree:k=" + k.trim(), traffic);
            SimConfig config = SimConfig.defaults(hours, 1).withExportPorts(0);
            List<ControlPolicy> policies = new ArrayList<>();
            policies.add(new AlwaysOnPolicy());
            Runtime rt = Runtime.getRuntime();
            long t0 = System.nanoTime();
            long[] marks = new long[2];
            SimResult r = new Simulator(scenario, config, policies).run(new SimListener() {
                @Override
                public void started(int steps, List<String> names) {
                    marks[0] = System.nanoTime();
                }

                @Override
                public void finished() {
                    marks[1] = System.nanoTime();
                }
            });
            double wall = (System.nanoTime() - t0) / 1e9;
            PolicyResult p = r.policies().get(0);
            long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
            double setup = (marks[0] - t0) / 1e9;
            double perStep = (marks[1] - marks[0]) / 1e6 / config.steps();
            System.out.printf(Locale.ROOT, "%-4s %8d %8.1f %8.1f %10.1f %14d %9d%n", k.trim(),
                    scenario.topology().hostCount(), wall, wall / hours, config.steps() / wall, p.samples(), used);
            System.out.printf(Locale.ROOT, "     setup %.1f s, %.1f ms per step, projected %.1f s per simulated hour%n",
                    setup, perStep, setup + perStep * 720 / 1000);
            System.out.printf(Locale.ROOT, "     energyFraction %.3f undelivered %.4f maxUtil %.3f p99 %.3f%n",
                    p.summary().energyFraction(), p.summary().undeliveredFraction(),
                    p.summary().maxLinkUtilization(), p.summary().p99LinkUtilization());
        }
    }
}
