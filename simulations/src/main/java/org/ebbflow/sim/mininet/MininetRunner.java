package org.ebbflow.sim.mininet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Mininet network (the script {@code mininet/ebbflow_net.py}) and drives it over its line protocol: one
 * command per line on the script's stdin, one JSON object per line back. Every call has a timeout on the Java side;
 * the script wraps every tool in {@code timeout} on its side.
 *
 * <p>Cleanup touches only what this run created: on {@link #close()} (also registered as a JVM shutdown hook, and
 * run when the start fails) it sends {@code quit}, then SIGTERM, then SIGKILL to the script and its descendants, kills
 * its host shells by their recorded pids, deletes its own bridges ({@code ovs-vsctl del-br}) and its own switch
 * interfaces if they survived. It never runs {@code mn -c}, which would clean the whole machine. A run refuses to
 * start while bridges with its switch names exist (another run owns them).
 */
public final class MininetRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MininetRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000EOF";

    private final String runId;
    private final MininetTopology topology;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path logFile;
    private final Thread shutdownHook;
    private final Map<String, Long> hostPids = new HashMap<>();
    private JsonNode ready;
    private boolean broken;
    private boolean closed;

    /** How to start a run. */
    public record Options(String controller, Path logDir, Duration startTimeout, Path script) {
        /** @return a controller on 127.0.0.1:6653, logs in the temp dir's ebbflow-mininet folder, 180 s to start */
        public static Options defaults() {
            return new Options("127.0.0.1:6653", Path.of(System.getProperty("java.io.tmpdir"), "ebbflow-mininet"),
                    Duration.ofSeconds(180), null);
        }

        /** @return these options with another controller address (HOST:PORT) */
        public Options withController(String hostPort) {
            return new Options(hostPort, logDir, startTimeout, script);
        }

        /** @return these options with another log folder */
        public Options withLogDir(Path dir) {
            return new Options(controller, dir, startTimeout, script);
        }

        /** @return these options with a script file instead of the one shipped in the jar */
        public Options withScript(Path file) {
            return new Options(controller, logDir, startTimeout, file);
        }
    }

    private MininetRunner(String runId, MininetTopology topology, Process process, Path logFile) {
        this.runId = runId;
        this.topology = topology;
        this.process = process;
        this.logFile = logFile;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.shutdownHook = new Thread(this::closeQuietly, "mininet-cleanup-" + runId);
        Thread reader = new Thread(this::readReplies, "mininet-reader-" + runId);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the network and waits for it to be ready.
     *
     * @throws MininetException if Mininet is unavailable, the switch names are taken, or the start fails or times
     *     out (what was created is removed first)
     * @throws IOException if the script cannot be written or started
     */
    public static MininetRunner start(MininetTopology topology, Options options) throws IOException {
        String reason = MininetEnvironment.unavailableReason();
        if (reason != null) {
            throw new MininetException("Mininet unavailable: " + reason);
        }
        Set<String> taken = new LinkedHashSet<>(existingBridges());
        taken.retainAll(topology.switchNames());
        if (!taken.isEmpty()) {
            throw new MininetException("bridges " + taken + " already exist: another Mininet run owns them "
                    + "(remove them with ovs-vsctl del-br if they are stale)");
        }
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Files.createDirectories(options.logDir());
        Path script = options.script() != null ? options.script() : extractScript(options.logDir());
        Path logFile = options.logDir().resolve("mininet-" + runId + ".err.txt");
        List<String> cmd = new ArrayList<>(List.of(MininetEnvironment.PYTHON, script.toString()));
        cmd.addAll(topology.scriptArgs());
        cmd.addAll(List.of("--controller", options.controller(), "--run-id", runId));
        log.info("starting Mininet run {}: {}", runId, String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        MininetRunner r = new MininetRunner(runId, topology, p, logFile);
        Runtime.getRuntime().addShutdownHook(r.shutdownHook);
        try {
            r.ready = r.await(options.startTimeout());
            if (!"ready".equals(r.ready.path("event").asText())) {
                throw new MininetException("run " + runId + " did not get ready: " + r.ready);
            }
            r.ready.path("hostPids").fields().forEachRemaining(e -> r.hostPids.put(e.getKey(), e.getValue().asLong()));
            log.info("Mininet run {} ready in {} s", runId, r.ready.path("startSeconds").asDouble());
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private static Path extractScript(Path dir) throws IOException {
        Path target = dir.resolve("ebbflow_net.py");
        try (InputStream in = MininetRunner.class.getResourceAsStream("/mininet/ebbflow_net.py")) {
            if (in == null) {
                throw new IOException("mininet/ebbflow_net.py is not on the class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("{")) {
                    replies.add(line);
                } else {
                    log.debug("mininet {}: {}", runId, line);
                }
            }
        } catch (IOException e) {
            log.debug("mininet {} output closed: {}", runId, e.toString());
        } finally {
            replies.add(EOF);
        }
    }

    private JsonNode await(Duration timeout) {
        String line;
        try {
            line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            throw new MininetException("run " + runId + ": interrupted while waiting for a reply", e);
        }
        if (line == null) {
            broken = true;
            throw new MininetException("run " + runId + ": no reply within " + timeout.toSeconds() + " s");
        }
        if (line.equals(EOF)) {
            broken = true;
            replies.add(EOF);
            throw new MininetException("run " + runId + ": the script ended (see " + logFile + ")");
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            broken = true;
            throw new MininetException("run " + runId + ": unreadable reply " + line, e);
        }
    }

    /**
     * Sends one command line and waits for its reply.
     *
     * @return the reply, whose {@code ok} is true
     * @throws MininetException if the script answers with an error, does not answer within the timeout (the run is
     *     then unusable: close it), or has ended
     */
    public synchronized JsonNode call(String command, Duration timeout) {
        if (closed || broken) {
            throw new MininetException("run " + runId + " is " + (closed ? "closed" : "unusable after an earlier "
                    + "failure"));
        }
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            broken = true;
            throw new MininetException("run " + runId + ": cannot send '" + command + "': " + e.getMessage(), e);
        }
        JsonNode reply = await(timeout);
        if (!reply.path("ok").asBoolean(false)) {
            throw new MininetException("run " + runId + ": '" + command + "' failed: "
                    + reply.path("error").asText(reply.toString()));
        }
        return reply;
    }

    /** @return the switches, links (with ports) and hosts (MAC, IP, attachment) the script built */
    public JsonNode dump() {
        return call("dump", Duration.ofSeconds(30));
    }

    /** Makes every host send one ARP request, so the controller learns it. */
    public JsonNode announce() {
        return call("announce", Duration.ofSeconds(30));
    }

    /** Pings every ordered pair of hosts once (1 s timeout each, sources in parallel). */
    public PingResult pingAll() {
        int hosts = hostPids.size();
        JsonNode r = call("ping-all", Duration.ofSeconds(30L + 2L * hosts));
        return PingResult.of(r);
    }

    /** Pings {@code dst} from {@code src} {@code count} times. */
    public JsonNode ping(String src, String dst, int count) {
        return call("ping " + src + " " + dst + " " + count, Duration.ofSeconds(15L + count));
    }

    /**
     * Runs iperf3 from {@code src} to {@code dst}.
     *
     * @param rate the offered rate, such as {@code 5M}
     * @param udp UDP instead of TCP
     */
    public JsonNode iperf(String src, String dst, int seconds, String rate, boolean udp) {
        return call("iperf " + src + " " + dst + " " + seconds + " " + rate + (udp ? " udp" : " tcp"),
                Duration.ofSeconds(seconds + 30L));
    }

    /**
     * Starts an iperf3 flow in the background (the script answers at once); {@link #iperfResults()} reads it.
     *
     * @param id a name for the flow, unique in the run
     * @param rate the offered rate, such as {@code 2M}
     * @param udp UDP (constant rate) instead of TCP
     */
    public JsonNode iperfStart(String id, String src, String dst, int seconds, String rate, boolean udp) {
        return call("iperf-start " + id + " " + src + " " + dst + " " + seconds + " " + rate + (udp ? " udp" : " tcp"),
                Duration.ofSeconds(20));
    }

    /** @return {@code jobs}: every background iperf3 flow, {@code done} ones with {@code bps} and {@code lossPct} */
    public JsonNode iperfResults() {
        return call("iperf-results", Duration.ofSeconds(30));
    }

    /**
     * Starts continuous pings: every host pings the host half the host list away (another pod in a fat-tree).
     *
     * @param intervalSeconds seconds between echo requests (0.2 is the shortest ping allows without flooding)
     */
    public JsonNode pingsStart(double intervalSeconds) {
        return call("pings-start " + intervalSeconds, Duration.ofSeconds(30));
    }

    /**
     * Stops the continuous pings.
     *
     * @return {@code sent}, {@code lost}, {@code lossPct} and per pair {@code sent}, {@code lost}, {@code lostSeqs}
     *     (requests of the last second before the stop are not counted)
     */
    public JsonNode pingsStop() {
        return call("pings-stop", Duration.ofSeconds(30));
    }

    /** Takes the link between two nodes down (both interfaces). */
    public JsonNode linkDown(String a, String b) {
        return call("link-down " + a + " " + b, Duration.ofSeconds(15));
    }

    /** Brings the link between two nodes up. */
    public JsonNode linkUp(String a, String b) {
        return call("link-up " + a + " " + b, Duration.ofSeconds(15));
    }

    /** @return the run's id */
    public String runId() {
        return runId;
    }

    /** @return the ready line: start time, switch names, host pids */
    public JsonNode readyInfo() {
        return ready;
    }

    /** @return the topology the run built */
    public MininetTopology topology() {
        return topology;
    }

    /** @return where the script's stderr goes */
    public Path logFile() {
        return logFile;
    }

    /**
     * Stops the network and removes what this run created (see the class comment). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!broken && process.isAlive()) {
            try {
                stdin.write("quit\n");
                stdin.flush();
            } catch (IOException e) {
                log.debug("run {}: quit not sent: {}", runId, e.toString());
            }
        }
        try {
            stdin.close();
        } catch (IOException e) {
            log.debug("run {}: stdin close: {}", runId, e.toString());
        }
        stopProcess();
        cleanup();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            log.warn("run {}: cleanup failed", runId, e);
        }
    }

    private void stopProcess() {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("run {}: script did not quit in 30 s, sending SIGTERM", runId);
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    log.warn("run {}: script did not stop in 20 s, killing it", runId);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        family.addAll(process.descendants().toList());
        for (ProcessHandle h : family) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        for (Map.Entry<String, Long> e : hostPids.entrySet()) {
            ProcessHandle.of(e.getValue()).ifPresent(h -> {
                String args = h.info().commandLine().orElse("");
                if (h.isAlive() && args.contains("mininet:" + e.getKey())) {
                    h.destroyForcibly();
                }
            });
        }
    }

    /** Deletes this run's bridges and switch interfaces that survived the script. */
    private void cleanup() {
        Set<String> bridges = new LinkedHashSet<>(existingBridges());
        bridges.retainAll(topology.switchNames());
        for (String br : bridges) {
            log.warn("run {}: removing leftover bridge {}", runId, br);
            Exec.run(List.of("ovs-vsctl", "--timeout=10", "--if-exists", "del-br", br), Duration.ofSeconds(15));
        }
        Set<String> intfs = new LinkedHashSet<>(existingInterfaces());
        intfs.retainAll(topology.switchPortNames());
        for (String intf : intfs) {
            Exec.run(List.of("ip", "link", "del", intf), Duration.ofSeconds(10));
        }
        if (!intfs.isEmpty()) {
            log.warn("run {}: removed {} leftover interfaces", runId, intfs.size());
        }
    }

    /** @return this run's bridges and interfaces that still exist; empty after a clean {@link #close()} */
    public List<String> leftovers() {
        List<String> out = new ArrayList<>();
        for (String b : existingBridges()) {
            if (topology.switchNames().contains(b)) {
                out.add("bridge " + b);
            }
        }
        for (String i : existingInterfaces()) {
            if (topology.switchPortNames().contains(i)) {
                out.add("interface " + i);
            }
        }
        return out;
    }

    static List<String> existingBridges() {
        Exec.Result r = Exec.run(List.of("ovs-vsctl", "--timeout=10", "list-br"), Duration.ofSeconds(15));
        return r.ok() ? r.output().lines().map(String::trim).filter(s -> !s.isEmpty()).toList() : List.of();
    }

    static List<String> existingInterfaces() {
        Exec.Result r = Exec.run(List.of("ip", "-o", "link", "show"), Duration.ofSeconds(10));
        List<String> names = new ArrayList<>();
        if (r.ok()) {
            for (String line : r.output().split("\n")) {
                String[] parts = line.split(":\\s+", 3);
                if (parts.length >= 2) {
                    String n = parts[1];
                    int at = n.indexOf('@');
                    names.add(at >= 0 ? n.substring(0, at) : n);
                }
            }
        }
        return names;
    }
}
