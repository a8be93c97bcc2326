package org.ebbflow.openflow;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.ebbflow.flowstats.CounterSemantics;
import org.ebbflow.flowstats.CounterTracker;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.flows.FlowRateTracker;
import org.ebbflow.openflow.actuation.OpenFlowSwitchProgrammer;
import org.ebbflow.openflow.actuation.PowerActuator;
import org.ebbflow.openflow.actuation.SwitchProgrammer;
import org.ebbflow.openflow.actuation.SwitchSetup;
import org.ebbflow.openflow.channel.OpenFlowChannelInitializer;
import org.ebbflow.openflow.channel.SwitchRegistry;
import org.ebbflow.openflow.discovery.HostTracker;
import org.ebbflow.openflow.discovery.LinkDiscovery;
import org.ebbflow.openflow.discovery.PacketInDispatcher;
import org.ebbflow.openflow.discovery.SwitchEventReporter;
import org.ebbflow.openflow.planning.PlanDriver;
import org.ebbflow.openflow.planning.PlanExecutor;
import org.ebbflow.openflow.stats.ControlCycle;
import org.ebbflow.openflow.stats.StatsPoller;
import org.ebbflow.topology.discovery.TopologyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone OpenFlow 1.3 controller: a Netty server for switch connections, one {@link SwitchRegistry},
 * discovery into a {@link TopologyManager}, statistics polled into flow-stats every cycle, the planner
 * ({@link #planning()}: demands from flow counters → forecast → policy and router → plan, applied make-before-break)
 * and the actuation primitives ({@link #programmer()}, {@link #power()}).
 *
 * <p>Threads: switch connections are spread over Netty event loops (nothing blocks there); one control thread runs
 * planning, statistics ingestion and the periodic tasks. {@link #onControl} runs caller code on it, which is how
 * the non-thread-safe statistics ({@link #portStats()}, {@link #flowRates()}) are read safely.
 */
public final class OpenFlowController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenFlowController.class);
    /** Wait between new rules in and old rules out: Open vSwitch's revalidators update its flow cache within it. */
    private static final long DRAIN_MILLIS = 1000;

    private final ControllerConfig config;
    private final LongSupplier clock = System::currentTimeMillis;
    private final TopologyManager topology;
    private final SwitchRegistry registry = new SwitchRegistry();
    private final ScheduledExecutorService control;
    private final SwitchProgrammer programmer;
    private final LinkDiscovery links;
    private final HostTracker hosts;
    private final PacketInDispatcher packetIns;
    private final PlanDriver planning;
    private final PowerActuator power;
    private final PortStatsCollector portStats;
    private final FlowRateTracker flowRates = new FlowRateTracker();
    private final StatsPoller poller;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    private volatile CompletableFuture<ControlCycle> cycleInFlight = CompletableFuture.completedFuture(null);

    /** Builds the controller; {@link #start()} binds it. */
    public OpenFlowController(ControllerConfig config) {
        this.config = config;
        this.topology = new TopologyManager(config.linkExpiryMillis());
        this.control = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("ebbflow-control", true));
        this.programmer = new OpenFlowSwitchProgrammer(registry);
        this.links = new LinkDiscovery(registry, topology, new SecureRandom().nextLong(), config.switchLinkBps(),
                clock);
        this.hosts = new HostTracker(registry, topology, links, config.hostLinkBps(), clock);
        this.packetIns = new PacketInDispatcher(links, hosts);
        // Plans install the new paths before anything sleeps, so sleeping needs no re-routing of its own.
        this.power = new PowerActuator(topology, programmer, () -> CompletableFuture.completedFuture(null), clock);
        this.portStats = new PortStatsCollector(topology, CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64)
                .withExpectedIntervalMillis(config.statsIntervalMillis()));
        this.poller = new StatsPoller(registry, topology, portStats, flowRates, control, clock);
        this.planning = new PlanDriver(config, topology, portStats, poller, new PlanExecutor(topology, programmer,
                power, control, Math.max(10_000, 3 * config.wakeLatencyMillis()), DRAIN_MILLIS), control, clock);

        registry.addListener(new SwitchEventReporter(topology, config.switchLinkBps(), clock));
        registry.addListener(new SwitchSetup(programmer, dpid -> {
            planning.switchReset(dpid);
            links.probeSwitch(dpid);
        }));
        registry.addListener(links);
        registry.addListener(packetIns);
        topology.addListener(hosts);
        topology.addListener(planning);
    }

    /**
     * Binds the listening socket and starts the periodic tasks.
     *
     * @return the bound address (port 0 in the configuration picks a free one)
     * @throws InterruptedException if interrupted while binding
     */
    public synchronized InetSocketAddress start() throws InterruptedException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ebbflow-of-accept", true));
        workers = new NioEventLoopGroup(config.workerThreads(), new DefaultThreadFactory("ebbflow-of-switch", true));
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new OpenFlowChannelInitializer(registry, config.echoIntervalMillis(),
                        config.requestTimeoutMillis(), config.handshakeTimeoutMillis()));
        server = b.bind(config.listenHost(), config.listenPort()).sync().channel();
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        control.scheduleWithFixedDelay(guard(links::probeAll), config.lldpIntervalMillis(),
                config.lldpIntervalMillis(), TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(guard(this::cycle), config.statsIntervalMillis(),
                config.statsIntervalMillis(), TimeUnit.MILLISECONDS);
        log.info("OpenFlow controller listening on {}", bound);
        return bound;
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("periodic task failed", e);
            }
        };
    }

    private void cycle() {
        if (cycleInFlight.isDone()) {
            cycleInFlight = poller.poll().thenApply(c -> {
                planning.requestPlan();
                return c;
            });
        }
    }

    /** @return a future of the next control cycle, started now (or the one already running) */
    public CompletableFuture<ControlCycle> pollNow() {
        CompletableFuture<ControlCycle> f = new CompletableFuture<>();
        control.execute(() -> {
            cycle();
            cycleInFlight.whenComplete((c, e) -> f.complete(c));
        });
        return f;
    }

    /** @return a future of {@code task}'s result, run on the control thread */
    public <T> CompletableFuture<T> onControl(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        control.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Stops listening, closes every switch connection and stops the control thread. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        control.shutdownNow();
        log.info("OpenFlow controller stopped");
    }

    /** @return the configuration */
    public ControllerConfig config() {
        return config;
    }

    /** @return the topology the controller discovers */
    public TopologyManager topology() {
        return topology;
    }

    /** @return the connected switches */
    public SwitchRegistry switches() {
        return registry;
    }

    /** @return the flow and port actuation primitives */
    public SwitchProgrammer programmer() {
        return programmer;
    }

    /** @return sleep and wake of switches and links */
    public PowerActuator power() {
        return power;
    }

    /** @return the planner driving routes and sleep/wake */
    public PlanDriver planning() {
        return planning;
    }

    /** @return LLDP link discovery */
    public LinkDiscovery links() {
        return links;
    }

    /** @return the host table */
    public HostTracker hosts() {
        return hosts;
    }

    /** @return packet-in counters */
    public PacketInDispatcher packetIns() {
        return packetIns;
    }

    /** @return the per-port statistics pipeline; read it only on the control thread ({@link #onControl}) */
    public PortStatsCollector portStats() {
        return portStats;
    }

    /** @return the flow-rate tracker; read it only on the control thread ({@link #onControl}) */
    public FlowRateTracker flowRates() {
        return flowRates;
    }

    /** @return the last finished control cycle, or null before the first */
    public ControlCycle lastCycle() {
        return poller.lastCycle();
    }
}
