package org.ebbflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.ebbflow.sim.mininet.MininetEnvironment;
import org.ebbflow.sim.mininet.MininetException;
import org.ebbflow.sim.mininet.MininetScenario;
import org.ebbflow.sim.mininet.MininetScenarioRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ebbflow mininet}: the controller and a Mininet fat-tree end to end, with scenario traffic. */
@Command(name = "mininet", description = {"Run ebbflow's controller on a Mininet fat-tree of Open vSwitch switches "
        + "end to end: discovery, continuous pings, UDP iperf3 traffic following the scenario, sleep and wake by the "
        + "planner; prints the metrics and writes the report.",
    "Needs root, Mininet, Open vSwitch (running), iperf3 and ethtool (scripts/install-deps.sh). Cleans up only "
        + "what it created.",
    "Scenarios: idle (no traffic), diurnal (load rises to the peak at mid-run and falls), surge (15% of the peak, "
        + "the peak in the middle third). At the peak every host of the first k/2 pods sends a flow to the pod k/2 "
        + "further on, which the connectivity floor cannot carry."})
public final class MininetCommand extends EbbflowSubcommand {
    @Option(names = "--k", paramLabel = "K", defaultValue = "4",
            description = "Fat-tree arity, even (default 4; 6 works but is slow on a software switch).")
    private int k;

    @Option(names = "--scenario", paramLabel = "NAME", required = true,
            description = "idle, diurnal or surge.")
    private String scenario;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "3",
            description = "How long the traffic runs, in minutes (default 3; fractions allowed).")
    private double minutes;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write <DIR>/mininet-<scenario>-k<K>-<time>/ with summary.json, plans.csv, flows.json, "
                    + "pings.json, a plot and report.html.")
    private Path out;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        MininetScenario s = MininetScenario.parse(scenario);
        if (k < 2 || k % 2 != 0) {
            throw new IllegalArgumentException("--k must be even and at least 2, got " + k);
        }
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new IllegalArgumentException("--minutes must be above 0 and at most a day, got " + minutes);
        }
        String reason = MininetEnvironment.unavailableReason();
        if (reason != null) {
            throw new MininetException("Mininet runs are impossible here: " + reason);
        }
        MininetScenarioRun.Options o = MininetScenarioRun.Options.defaults(s,
                Duration.ofMillis(Math.round(minutes * 60_000))).withK(k).withOut(out);
        ObjectNode summary = MininetScenarioRun.run(o, line -> {
            err().println("ebbflow mininet: " + line);
            err().flush();
        });
        if (json.enabled()) {
            json.print(out(), summary);
        } else {
            out().println(String.format(Locale.ROOT, "scenario %s, k=%d, %.1f min: discovered %d switches, %d links, "
                            + "%d hosts in %.2f s; asleep %d..%d; %d transitions; energy %.1f%% of all-on; "
                            + "ping loss %.3f%% of %d", s.token(), k, minutes,
                    summary.path("discovered").path("switches").asInt(),
                    summary.path("discovered").path("switchLinks").asInt(),
                    summary.path("discovered").path("hosts").asInt(), summary.path("discoverySeconds").asDouble(),
                    summary.path("asleepMin").asInt(), summary.path("asleepMax").asInt(),
                    summary.path("transitions").asInt(), 100 * summary.path("energyFraction").asDouble(),
                    100 * summary.path("pingLoss").asDouble(), summary.path("pingsSent").asInt()));
            if (summary.has("out")) {
                out().println("report: " + summary.path("out").asText());
            }
        }
        return ExitCodes.OK;
    }
}
