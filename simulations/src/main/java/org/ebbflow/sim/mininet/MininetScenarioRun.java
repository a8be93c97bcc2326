package org.ebbflow.sim.mininet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ebbflow.openflow.ControllerConfig;
import org.ebbflow.openflow.OpenFlowController;
import org.ebbflow.openflow.planning.PlanRecord;
import org.ebbflow.openflow.stats.ControlCycle;
import org.ebbflow.sim.report.RunDirectory;
import org.ebbflow.topology.TopologySnapshot;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * One end-to-end run on real Open vSwitch switches: ebbflow's controller (planner on) and a k-ary fat-tree in Mininet,
 * continuous pings between every host and a host in another pod for the whole run, all-pairs pings at the start and
 * the end, and UDP iperf3 flows that follow a {@link MininetScenario}: every tick the scenario's level times the peak
 * number of flows, each {@link Options#flowMbps()} Mbit/s, from the first k/2 pods to the pods k/2 further on, so
 * that at the peak each of those pods offers its whole core uplink's worth and the connectivity floor cannot carry it.
 * Everything measured comes from the switches: flow and port counters through the controller, iperf3's receivers,
 * ping. Energy is the planner's power model (150 W per awake switch plus 1 W per active port) over the plans in force.
 */
public final class MininetScenarioRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param k fat-tree arity (4 is the tested size; 6 works, slowly)
     * @param scenario the traffic
     * @param duration how long the traffic part runs
     * @param linkMbps the shaped rate of every switch link
     * @param flowMbps the rate of each iperf3 flow
     * @param tickSeconds how often the number of flows follows the scenario
     * @param statsIntervalMillis the controller's polling interval
     * @param minDwellMillis the policy's minimum dwell
     * @param out parent folder for the run folder, or null to write nothing
     * @param script the Mininet script, or null for the one in the jar
     */
    public record Options(int k, MininetScenario scenario, Duration duration, double linkMbps, double flowMbps,
                          int tickSeconds, long statsIntervalMillis, long minDwellMillis, Path out, Path script) {
        /** @return k=4, 10 Mbit/s links, 2.5 Mbit/s flows, 10 s ticks, 2 s polling, 30 s dwell, no files */
        public static Options defaults(MininetScenario scenario, Duration duration) {
            return new Options(4, scenario, duration, 10, 2.5, 10, 2000, 30_000, null, null);
        }

        /** @return these options with another arity */
        public Options withK(int newK) {
            return new Options(newK, scenario, duration, linkMbps, flowMbps, tickSeconds, statsIntervalMillis,
                    minDwellMillis, out, script);
        }

        /** @return these options writing the run folder under {@code dir} */
        public Options withOut(Path dir) {
            return new Options(k, scenario, duration, linkMbps, flowMbps, tickSeconds, statsIntervalMillis,
                    minDwellMillis, dir, script);
        }

        /** @return these options with a script file instead of the jar's */
        public Options withScript(Path file) {
            return new Options(k, scenario, duration, linkMbps, flowMbps, tickSeconds, statsIntervalMillis,
                    minDwellMillis, out, file);
        }
    }

    private MininetScenarioRun() {
    }

    /**
     * Runs the scenario; cleans up the network and the controller whatever happens.
     *
     * @param progress one line per stage, for a terminal
     * @return the summary: the {@code ebbflow mininet --json} object
     * @throws MininetException if Mininet is unavailable, or the network is not discovered in 60 s
     * @throws IOException if the run folder cannot be written
     */
    public static ObjectNode run(Options o, Consumer<String> progress) throws IOException, InterruptedException {
        if (o.duration().isNegative() || o.duration().isZero() || o.tickSeconds() <= 0) {
            throw new IllegalArgumentException("the duration and the tick must be positive");
        }
        MininetTopology topo = MininetTopology.fatTree(o.k(), o.linkMbps());
        TopologySnapshot want = topo.expected();
        Path dir = o.out() == null ? null : RunDirectory.create(o.out(), "mininet-" + o.scenario().token() + "-k"
                + o.k(), Instant.now());
        ControllerConfig config = ControllerConfig.defaults().withListen("127.0.0.1", 0)
                .withLinkRates(Math.round(o.linkMbps() * 1e6), 0).withIntervals(o.statsIntervalMillis(), 5000)
                .withPowerManagement(true, o.minDwellMillis());
        List<PlanRecord> plans = new CopyOnWriteArrayList<>();
        List<Double> statCycles = new ArrayList<>();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("k", o.k());
        summary.put("scenario", o.scenario().token());
        summary.put("minutes", o.duration().toSeconds() / 60.0);
        try (OpenFlowController controller = new OpenFlowController(config)) {
            controller.planning().addListener(plans::add);
            InetSocketAddress bound = controller.start();
            MininetRunner.Options mo = MininetRunner.Options.defaults().withController("127.0.0.1:" + bound.getPort())
                    .withLogDir(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "ebbflow-mininet"));
            if (o.script() != null) {
                mo = mo.withScript(o.script());
            }
            progress.accept("starting Mininet: " + topo + " with " + o.linkMbps() + " Mbit/s switch links");
            try (MininetRunner mn = MininetRunner.start(topo, mo)) {
                long ready = System.nanoTime();
                mn.announce();
                awaitDiscovery(controller, want, 60);
                double discovery = (System.nanoTime() - ready) / 1e9;
                TopologySnapshot got = controller.topology().snapshot();
                ObjectNode disc = summary.putObject("discovered");
                disc.put("switches", got.switchCount());
                disc.put("switchLinks", got.undirectedLinkCount());
                disc.put("hosts", got.hostCount());
                summary.put("discoverySeconds", discovery);
                progress.accept(String.format(Locale.ROOT, "discovered %d switches, %d links, %d hosts in %.2f s",
                        got.switchCount(), got.undirectedLinkCount(), got.hostCount(), discovery));
                controller.planning().whenConverged(60_000).get(65, TimeUnit.SECONDS);
                PingResult first = mn.pingAll();
                long scenarioStart = System.currentTimeMillis();
                mn.pingsStart(0.2);
                ArrayNode flowsStarted = JSON.createArrayNode();
                runTraffic(o, mn, controller, flowsStarted, statCycles, progress);
                long scenarioEnd = System.currentTimeMillis();
                JsonNode pings = mn.pingsStop();
                PingResult last = mn.pingAll();
                JsonNode flows = awaitFlows(mn, flowsStarted.size(), o.tickSeconds() + 30);
                summarise(summary, plans, scenarioStart, scenarioEnd, first, last, pings, flows, statCycles, got);
                if (dir != null) {
                    Files.deleteIfExists(dir.resolve("ebbflow_net.py")); // the script extracted from the jar
                    write(dir, summary, plans, pings, flows, scenarioStart);
                    summary.put("out", dir.toString());
                }
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new MininetException("the controller did not converge on the network: " + e.getMessage(), e);
        }
        return summary;
    }

    private static void awaitDiscovery(OpenFlowController c, TopologySnapshot want, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            TopologySnapshot s = c.topology().snapshot();
            if (s.switchCount() == want.switchCount() && s.linkCount() == want.linkCount()
                    && s.hostCount() == want.hostCount()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new MininetException("discovered " + s.switchCount() + " switches, " + s.undirectedLinkCount()
                        + " links, " + s.hostCount() + " hosts in " + seconds + " s; expected " + want.switchCount()
                        + ", " + want.undirectedLinkCount() + ", " + want.hostCount());
            }
            Thread.sleep(20);
        }
    }

    /** @return the (source, destination) host names of flow {@code j} of the peak set */
    static String[] flowPair(int k, int j) {
        int half = k / 2;
        int pod = j % half;
        int slot = j / half;
        int edge = slot / half + 1;
        int host = slot % half + 1;
        return new String[] {"h" + pod + "_" + edge + "_" + host, "h" + (pod + half) + "_" + edge + "_" + host};
    }

    /** @return the peak number of flows: every host of the first k/2 pods sends one */
    static int peakFlows(int k) {
        return (k / 2) * (k * k / 4);
    }

    private static void runTraffic(Options o, MininetRunner mn, OpenFlowController c, ArrayNode started,
                                   List<Double> statCycles, Consumer<String> progress) throws InterruptedException {
        long total = o.duration().toMillis();
        long t0 = System.currentTimeMillis();
        int tick = 0;
        String rate = fmt(o.flowMbps()) + "M";
        while (System.currentTimeMillis() - t0 < total) {
            long tickStart = System.currentTimeMillis();
            double f = (tickStart - t0 + o.tickSeconds() * 500.0) / total;
            int n = (int) Math.round(o.scenario().level(f) * peakFlows(o.k()));
            int seconds = (int) Math.max(1, Math.min(o.tickSeconds(), (total - (tickStart - t0)) / 1000));
            for (int j = 0; j < n; j++) {
                String[] p = flowPair(o.k(), j);
                mn.iperfStart("t" + tick + "f" + j, p[0], p[1], seconds, rate, true);
                started.add("t" + tick + "f" + j);
            }
            PlanRecord last = c.planning().last();
            progress.accept(String.format(Locale.ROOT, "t=%3ds: %d flows of %s bit/s; %s switches awake",
                    (tickStart - t0) / 1000, n, rate, last == null ? "?" : Integer.toString(last.awakeSwitches())));
            long end = tickStart + seconds * 1000L;
            while (System.currentTimeMillis() < end) {
                Thread.sleep(Math.min(1000, Math.max(1, end - System.currentTimeMillis())));
                ControlCycle cycle = c.lastCycle();
                if (cycle != null && (statCycles.isEmpty() || statCycles.get(statCycles.size() - 1)
                        != cycle.durationMillis())) {
                    statCycles.add(cycle.durationMillis());
                }
            }
            tick++;
        }
    }

    private static JsonNode awaitFlows(MininetRunner mn, int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            JsonNode r = mn.iperfResults();
            int done = 0;
            for (JsonNode j : r.path("jobs")) {
                done += j.path("done").asBoolean() ? 1 : 0;
            }
            if (done >= n || System.nanoTime() > deadline) {
                return r;
            }
            Thread.sleep(500);
        }
    }

    private static void summarise(ObjectNode s, List<PlanRecord> plans, long start, long end, PingResult first,
                                  PingResult last, JsonNode pings, JsonNode flows, List<Double> statCycles,
                                  TopologySnapshot topology) {
        int asleepMin = Integer.MAX_VALUE;
        int asleepMax = Integer.MIN_VALUE;
        int transitions = 0;
        double energy = 0;
        double allOn = 0;
        PlanRecord inForce = null;
        long t = start;
        double maxUtil = 0;
        List<Double> planMs = new ArrayList<>();
        List<Double> applyMs = new ArrayList<>();
        double bestRate = 0;
        for (PlanRecord r : plans) {
            if (r.awakeSwitches() < 0) {
                continue;
            }
            if (r.outcome().equals("applied")) {
                transitions += r.wakes() + r.sleeps();
                applyMs.add(r.applyMillis());
                if (r.rulesInstalled() >= 100 && r.applyMillis() > 0) {
                    bestRate = Math.max(bestRate, r.rulesInstalled() / (r.applyMillis() / 1000));
                }
            }
            planMs.add(r.forecastMillis() + r.planMillis());
            long at = Math.max(start, Math.min(end, r.atMillis()));
            if (inForce != null && at > t) {
                energy += inForce.watts() * (at - t);
                allOn += inForce.allOnWatts() * (at - t);
            }
            if (r.atMillis() <= end && (r.outcome().equals("applied") || r.outcome().equals("unchanged"))) {
                inForce = r;
                t = at;
                if (r.atMillis() >= start) {
                    int asleep = r.switches() - r.awakeSwitches();
                    asleepMin = Math.min(asleepMin, asleep);
                    asleepMax = Math.max(asleepMax, asleep);
                    if (!Double.isNaN(r.maxMeasuredUtilisation())) {
                        maxUtil = Math.max(maxUtil, r.maxMeasuredUtilisation());
                    }
                } else {
                    asleepMin = Math.min(asleepMin, r.switches() - r.awakeSwitches());
                    asleepMax = Math.max(asleepMax, r.switches() - r.awakeSwitches());
                }
            }
        }
        if (inForce != null && end > t) {
            energy += inForce.watts() * (end - t);
            allOn += inForce.allOnWatts() * (end - t);
        }
        s.put("asleepMin", asleepMin == Integer.MAX_VALUE ? 0 : asleepMin);
        s.put("asleepMax", asleepMax == Integer.MIN_VALUE ? 0 : asleepMax);
        s.put("transitions", transitions);
        s.put("energyFraction", allOn > 0 ? energy / allOn : 1.0);
        int sent = pings.path("sent").asInt() + first.sent() + last.sent();
        int lost = pings.path("lost").asInt() + first.failures().size() + last.failures().size();
        s.put("pingLoss", sent > 0 ? (double) lost / sent : 0.0);
        s.put("pingsSent", sent);
        s.put("pingsLost", lost);
        s.put("maxMeasuredUtilisation", maxUtil);
        int flowCount = 0;
        double offered = 0;
        double delivered = 0;
        double worstLoss = 0;
        for (JsonNode j : flows.path("jobs")) {
            flowCount++;
            offered += j.path("seconds").asDouble();
            delivered += j.path("bps").asDouble() * j.path("seconds").asDouble();
            worstLoss = Math.max(worstLoss, j.path("lossPct").asDouble());
        }
        ObjectNode fl = s.putObject("flows");
        fl.put("count", flowCount);
        fl.put("deliveredMbitSeconds", delivered / 1e6);
        fl.put("worstLossPct", worstLoss);
        ObjectNode cyc = s.putObject("controlCycleMillis");
        cyc.put("statsMedian", median(statCycles));
        cyc.put("planMedian", median(planMs));
        cyc.put("applyMedian", median(applyMs));
        s.put("plans", plans.size());
        // Rules written per second of plan application: includes the wait for woken links and the 1 s drain, so it
        // is far below what Open vSwitch accepts (see the integration test's install-rate figure).
        s.put("planRulesPerApplySecond", bestRate);
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> c = new ArrayList<>(v);
        c.sort(Double::compare);
        return c.get(c.size() / 2);
    }

    private static void write(Path dir, ObjectNode summary, List<PlanRecord> plans, JsonNode pings, JsonNode flows,
                              long start) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("pings.json").toFile(), pings);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("flows.json").toFile(), flows);
        StringBuilder csv = new StringBuilder("seconds,outcome,topology_version,demands,offered_bps,awake_switches,"
                + "switches,watts,all_on_watts,wakes,sleeps,rules_installed,rules_removed,max_planned_util,"
                + "max_measured_util,refused,forecast_ms,plan_ms,apply_ms\n");
        List<double[]> awake = new ArrayList<>();
        for (PlanRecord r : plans) {
            csv.append(String.format(Locale.ROOT, "%.3f,%s,%d,%d,%.0f,%d,%d,%.1f,%.1f,%d,%d,%d,%d,%.4f,%.4f,%d,%.2f,"
                            + "%.2f,%.2f%n", (r.atMillis() - start) / 1000.0, r.outcome(), r.topologyVersion(),
                    r.demands(), r.offeredBps(), r.awakeSwitches(), r.switches(), r.watts(), r.allOnWatts(), r.wakes(),
                    r.sleeps(), r.rulesInstalled(), r.rulesRemoved(), r.maxPlannedUtilisation(),
                    r.maxMeasuredUtilisation(), r.refused(), r.forecastMillis(), r.planMillis(), r.applyMillis()));
            if (r.awakeSwitches() >= 0) {
                awake.add(new double[] {(r.atMillis() - start) / 1000.0, r.awakeSwitches(), r.offeredBps() / 1e6});
            }
        }
        Files.writeString(dir.resolve("plans.csv"), csv, StandardCharsets.UTF_8);
        byte[] png = plot(awake, summary.path("scenario").asText());
        Files.write(dir.resolve("awake-and-load.png"), png);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>ebbflow "
                + "mininet run</title></head><body><h1>ebbflow on Mininet: " + summary.path("scenario").asText()
                + ", k=" + summary.path("k").asInt() + "</h1><table border=\"1\" cellpadding=\"4\">");
        summary.fields().forEachRemaining(e -> html.append("<tr><th align=\"left\">").append(e.getKey())
                .append("</th><td>").append(e.getValue().toString().replace("<", "&lt;")).append("</td></tr>"));
        html.append("</table><p><img alt=\"awake switches and offered load\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"></p><p>Per plan: plans.csv; flows: "
                        + "flows.json (iperf3 receivers); pings: pings.json.</p></body></html>\n");
        Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
    }

    private static byte[] plot(List<double[]> points, String scenario) throws IOException {
        XYChart c = new XYChartBuilder().width(900).height(400).title("ebbflow on Mininet: " + scenario)
                .xAxisTitle("seconds since the traffic started").yAxisTitle("switches awake / offered Mbit/s").build();
        if (points.isEmpty()) {
            points = List.of(new double[] {0, 0, 0});
        }
        double[] x = new double[points.size()];
        double[] a = new double[points.size()];
        double[] l = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            a[i] = points.get(i)[1];
            l[i] = points.get(i)[2];
        }
        c.addSeries("awake switches", x, a);
        c.addSeries("offered Mbit/s (flow counters)", x, l);
        return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
