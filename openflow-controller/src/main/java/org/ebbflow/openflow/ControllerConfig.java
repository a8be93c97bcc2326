package org.ebbflow.openflow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.ebbflow.topology.BitRate;

/**
 * The controller's settings, with defaults for Mininet runs. Times in milliseconds, rates in bits per second.
 *
 * @param listenHost the address to listen on (loopback by default: switches run on this machine)
 * @param listenPort the TCP port (6653, the IANA OpenFlow port)
 * @param echoIntervalMillis quiet time after which an echo request is sent to a switch
 * @param requestTimeoutMillis how long a request (echo, statistics, barrier) waits for its reply
 * @param handshakeTimeoutMillis how long a switch's handshake may take
 * @param statsIntervalMillis the control cycle: how often port and flow statistics are polled
 * @param lldpIntervalMillis how often every port is probed with LLDP
 * @param linkExpiryMillis how long a link not re-confirmed (and a disconnected switch) is kept
 * @param switchLinkBps capacity reported for switch links and ports, 0 to take the ports' speeds (Open vSwitch
 *     reports 10 Gbit/s for every veth whatever the emulated rate)
 * @param hostLinkBps capacity reported for host access links, 0 if unknown
 * @param routing whether the planner installs routes (false: discovery and statistics only)
 * @param routeDebounceMillis how long planning waits after a topology change for more changes
 * @param workerThreads Netty event-loop threads serving the switch connections
 * @param powerManagement true: the forecast threshold policy sleeps and wakes switches; false: every switch stays
 *     awake (always-on policy, same router)
 * @param minDwellMillis how long a switch or cable keeps a new power state before it may sleep again (capacity wakes
 *     are never delayed)
 * @param wakeLatencyMillis how long a woken Open vSwitch takes to forward (ports up, links rediscovered): the
 *     power model's wake latency, which sets the policy's wake lead time
 */
public record ControllerConfig(String listenHost, int listenPort, long echoIntervalMillis, long requestTimeoutMillis,
                               long handshakeTimeoutMillis, long statsIntervalMillis, long lldpIntervalMillis,
                               long linkExpiryMillis, long switchLinkBps, long hostLinkBps, boolean routing,
                               long routeDebounceMillis, int workerThreads, boolean powerManagement,
                               long minDwellMillis, long wakeLatencyMillis) {
    private static final Set<String> KEYS = Set.of("listen", "echo.interval.ms", "request.timeout.ms",
            "handshake.timeout.ms", "stats.interval.ms", "lldp.interval.ms", "link.expiry.ms", "switch.link.rate",
            "host.link.rate", "routing", "route.debounce.ms", "worker.threads", "power.management", "min.dwell.ms",
            "wake.latency.ms");

    /** @throws IllegalArgumentException if a value is out of range */
    public ControllerConfig {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listen port must be 0..65535, got " + listenPort);
        }
        positive("echo.interval.ms", echoIntervalMillis);
        positive("request.timeout.ms", requestTimeoutMillis);
        positive("handshake.timeout.ms", handshakeTimeoutMillis);
        positive("stats.interval.ms", statsIntervalMillis);
        positive("lldp.interval.ms", lldpIntervalMillis);
        positive("link.expiry.ms", linkExpiryMillis);
        positive("worker.threads", workerThreads);
        if (switchLinkBps < 0 || hostLinkBps < 0 || routeDebounceMillis < 0 || minDwellMillis < 0
                || wakeLatencyMillis < 0) {
            throw new IllegalArgumentException("rates, the route debounce, dwell and wake latency must not be "
                    + "negative");
        }
    }

    private static void positive(String key, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + v);
        }
    }

    /**
     * @return the defaults: 127.0.0.1:6653, echo after 5 s, stats and LLDP every 5 s, links expire after 16 s, power
     *     management on with a 60 s minimum dwell and a 2 s wake latency (ports up and LLDP on Open vSwitch)
     */
    public static ControllerConfig defaults() {
        return new ControllerConfig("127.0.0.1", 6653, 5000, 10_000, 10_000, 5000, 5000, 16_000, 0, 0, true, 100,
                Math.max(2, Runtime.getRuntime().availableProcessors()), true, 60_000, 2000);
    }

    /** @return this configuration with power management on or off, and another minimum dwell */
    public ControllerConfig withPowerManagement(boolean on, long dwellMillis) {
        return new ControllerConfig(listenHost, listenPort, echoIntervalMillis, requestTimeoutMillis,
                handshakeTimeoutMillis, statsIntervalMillis, lldpIntervalMillis, linkExpiryMillis, switchLinkBps,
                hostLinkBps, routing, routeDebounceMillis, workerThreads, on, dwellMillis, wakeLatencyMillis);
    }

    /** @return this configuration listening on another address */
    public ControllerConfig withListen(String host, int port) {
        return new ControllerConfig(host, port, echoIntervalMillis, requestTimeoutMillis, handshakeTimeoutMillis,
                statsIntervalMillis, lldpIntervalMillis, linkExpiryMillis, switchLinkBps, hostLinkBps, routing,
                routeDebounceMillis, workerThreads, powerManagement, minDwellMillis, wakeLatencyMillis);
    }

    /** @return this configuration with other link rates (0 = from the ports) */
    public ControllerConfig withLinkRates(long switchBps, long hostBps) {
        return new ControllerConfig(listenHost, listenPort, echoIntervalMillis, requestTimeoutMillis,
                handshakeTimeoutMillis, statsIntervalMillis, lldpIntervalMillis, linkExpiryMillis, switchBps, hostBps,
                routing, routeDebounceMillis, workerThreads, powerManagement, minDwellMillis, wakeLatencyMillis);
    }

    /** @return this configuration with other statistics and LLDP intervals */
    public ControllerConfig withIntervals(long statsMillis, long lldpMillis) {
        return new ControllerConfig(listenHost, listenPort, echoIntervalMillis, requestTimeoutMillis,
                handshakeTimeoutMillis, statsMillis, lldpMillis, linkExpiryMillis, switchLinkBps, hostLinkBps,
                routing, routeDebounceMillis, workerThreads, powerManagement, minDwellMillis, wakeLatencyMillis);
    }

    /**
     * Parses {@code host:port} (an IPv6 host in brackets).
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public ControllerConfig withListen(String hostPort) {
        String t = hostPort.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("listen address must be HOST:PORT, got '" + hostPort + "'");
        }
        String host = t.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return withListen(host, Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen port is not a number in '" + hostPort + "'", e);
        }
    }

    /**
     * Reads a properties file over the defaults. Keys: {@code listen} (HOST:PORT), {@code echo.interval.ms},
     * {@code request.timeout.ms}, {@code handshake.timeout.ms}, {@code stats.interval.ms}, {@code lldp.interval.ms},
     * {@code link.expiry.ms}, {@code switch.link.rate} and {@code host.link.rate} (such as {@code 10M}),
     * {@code routing} (true/false), {@code route.debounce.ms}, {@code worker.threads}, {@code power.management}
     * (true/false), {@code min.dwell.ms}, {@code wake.latency.ms}.
     *
     * @throws IllegalArgumentException naming the file and key if a key is unknown or a value malformed
     * @throws IOException if the file cannot be read
     */
    public static ControllerConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "' (known: " + KEYS + ")");
            }
        }
        ControllerConfig d = defaults();
        try {
            ControllerConfig c = new ControllerConfig(d.listenHost, d.listenPort,
                    num(p, "echo.interval.ms", d.echoIntervalMillis), num(p, "request.timeout.ms",
                    d.requestTimeoutMillis), num(p, "handshake.timeout.ms", d.handshakeTimeoutMillis),
                    num(p, "stats.interval.ms", d.statsIntervalMillis), num(p, "lldp.interval.ms",
                    d.lldpIntervalMillis), num(p, "link.expiry.ms", d.linkExpiryMillis),
                    rate(p, "switch.link.rate", d.switchLinkBps), rate(p, "host.link.rate", d.hostLinkBps),
                    bool(p, "routing", d.routing), num(p, "route.debounce.ms", d.routeDebounceMillis),
                    (int) num(p, "worker.threads", d.workerThreads), bool(p, "power.management",
                    d.powerManagement), num(p, "min.dwell.ms", d.minDwellMillis), num(p, "wake.latency.ms",
                    d.wakeLatencyMillis));
            String listen = p.getProperty("listen");
            return listen == null ? c : c.withListen(listen);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static long num(Properties p, String key, long dflt) {
        String v = p.getProperty(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: '" + v + "'", e);
        }
    }

    private static long rate(Properties p, String key, long dflt) {
        String v = p.getProperty(key);
        return v == null ? dflt : v.trim().equals("0") ? 0 : BitRate.parseBps(v);
    }

    private static boolean bool(Properties p, String key, boolean dflt) {
        String v = p.getProperty(key);
        if (v == null) {
            return dflt;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(t);
    }
}
