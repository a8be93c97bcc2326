package org.ebbflow.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ebbflow.openflow.ControllerConfig;
import org.ebbflow.openflow.OpenFlowController;
import org.ebbflow.openflow.planning.PlanRecord;
import org.ebbflow.openflow.stats.ControlCycle;
import org.ebbflow.topology.TopologySnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ebbflow controller}: runs the standalone OpenFlow 1.3 controller until interrupted. */
@Command(name = "controller", description = {"Run the standalone OpenFlow 1.3 controller until interrupted.",
    "Switches connect to it (Open vSwitch, Mininet); it discovers switches, links and hosts, polls statistics and "
        + "plans routes and sleep/wake with the forecast policy. Discovery progress goes to stderr; with --json a summary goes to stdout "
        + "when it stops."})
public final class ControllerCommand extends EbbflowSubcommand {
    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to listen on (default: the configuration's, 127.0.0.1:6653).")
    private String listen;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file: listen, stats.interval.ms, lldp.interval.ms, link.expiry.ms, "
                    + "switch.link.rate, host.link.rate, routing, power.management, min.dwell.ms, wake.latency.ms, ... "
                    + "(see ControllerConfig).")
    private Path config;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds (default 0: run until interrupted).")
    private long durationSeconds;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        ControllerConfig c = config != null ? ControllerConfig.load(config) : ControllerConfig.defaults();
        if (listen != null) {
            c = c.withListen(listen);
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("--duration must not be negative, got " + durationSeconds);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "ebbflow-controller-stop");
        try (OpenFlowController controller = new OpenFlowController(c)) {
            InetSocketAddress bound = controller.start();
            err().println("ebbflow controller: listening on " + bound.getHostString() + ":" + bound.getPort()
                    + " (Ctrl-C to stop)");
            err().flush();
            Runtime.getRuntime().addShutdownHook(hook);
            String last = "";
            long deadline = durationSeconds == 0 ? Long.MAX_VALUE
                    : System.nanoTime() + durationSeconds * 1_000_000_000L;
            while (!stop.await(1, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                String now = progress(controller);
                if (!now.equals(last)) {
                    err().println("ebbflow controller: " + now);
                    err().flush();
                    last = now;
                }
            }
            if (json.enabled()) {
                json.print(out(), summary(controller));
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
        return ExitCodes.OK;
    }

    private static String progress(OpenFlowController c) {
        TopologySnapshot t = c.topology().snapshot();
        PlanRecord p = c.planning().last();
        return String.format("%d switches connected, %d known, %d switch links, %d hosts; %d route rules; %s",
                c.switches().connectedCount(), t.switchCount(), t.undirectedLinkCount(), t.hostCount(),
                c.planning().rulesWritten(), p == null ? "not planned yet"
                        : p.awakeSwitches() + " of " + p.switches() + " switches awake");
    }

    static Map<String, Object> summary(OpenFlowController c) {
        TopologySnapshot t = c.topology().snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("switches", t.switchCount());
        m.put("switchLinks", t.undirectedLinkCount());
        m.put("hosts", t.hostCount());
        m.put("routeRules", c.planning().rulesWritten());
        PlanRecord p = c.planning().last();
        m.put("awakeSwitches", p == null ? null : p.awakeSwitches());
        m.put("plans", c.planning().plans());
        m.put("packetIns", c.packetIns().total());
        ControlCycle cycle = c.lastCycle();
        m.put("lastControlCycleMillis", cycle == null ? null : cycle.durationMillis());
        return m;
    }
}
