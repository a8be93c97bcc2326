package org.ebbflow.openflow.planning;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.openflow.ControllerConfig;
import org.ebbflow.openflow.stats.StatsPoller;
import org.ebbflow.planner.cycle.ControlLoop;
import org.ebbflow.planner.cycle.CycleResult;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.planner.policy.PolicySettings;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.SwitchPowerModel;
import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.route.EcmpRouter;
import org.ebbflow.planner.route.TopologyAwareRouter;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Ewma;
import org.ebbflow.predictor.learned.DefaultModel;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyEvent;
import org.ebbflow.topology.discovery.TopologyListener;
import org.ebbflow.topology.discovery.TopologyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ebbflow's control cycle inside the controller: after every statistics poll and (debounced) after topology
 * changes, the demands observed in the flow counters go through the {@link ControlLoop} (default traffic model's link
 * forecast, forecast threshold policy, topology-aware router; always-on policy with ECMP when power management is
 * off) and the plan is applied by the {@link PlanExecutor}. One plan is in flight at a time; a plan that fails part
 * way (a switch lost, a timeout) makes the loop {@link ControlLoop#forget() forget} it, and the next run, a second
 * later, plans from a fresh snapshot and re-verifies the switches' rules against their polled flow tables instead
 * of trusting a half-applied state. Planning starts once the topology has been quiet (no switch, link or host
 * added or removed) for {@link #SETTLE_MILLIS}, so nothing is put to sleep before its links are discovered.
 *
 * <p>All work runs on the controller's single control thread; listeners only schedule it.
 */
public final class PlanDriver implements TopologyListener {
    /** Quiet time after a topology addition or removal before planning. */
    public static final long SETTLE_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(PlanDriver.class);
    private static final long RETRY_MILLIS = 1000;
    private static final int FALLBACK_HORIZON = 12;

    private final ControllerConfig config;
    private final TopologyService topology;
    private final PortStatsCollector stats;
    private final StatsPoller poller;
    private final PlanExecutor executor;
    private final ScheduledExecutorService control;
    private final LongSupplier clock;
    private final ObservedDemands observed = new ObservedDemands();
    private final List<Consumer<PlanRecord>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private ControlLoop loop;
    private boolean inFlight;
    private boolean dirty;
    private boolean reverify = true;
    private volatile long lastChangeMillis;
    private volatile long convergedVersion = -1;
    private volatile PlanRecord last;
    private volatile long plans;
    private volatile long failures;
    private volatile long rulesWritten;

    /**
     * @param control the single-threaded control executor all planning runs on
     * @param clock the controller's clock, milliseconds
     */
    public PlanDriver(ControllerConfig config, TopologyService topology, PortStatsCollector stats, StatsPoller poller,
                      PlanExecutor executor, ScheduledExecutorService control, LongSupplier clock) {
        this.config = config;
        this.topology = topology;
        this.stats = stats;
        this.poller = poller;
        this.executor = executor;
        this.control = control;
        this.clock = clock;
    }

    /**
     * @param config the controller's settings (power management, dwell, wake latency, polling interval)
     * @return the planner the controller runs: forecast threshold policy and topology-aware router, or the always-on
     *     policy and ECMP; power models with the configured wake latency
     */
    public static Planner plannerFor(ControllerConfig config) {
        PowerModelRegistry models = PowerModelRegistry.builder()
                .add(SwitchPowerModel.of(PowerModelRegistry.GENERIC_48P, 150, 1, 0, config.wakeLatencyMillis()))
                .add(SwitchPowerModel.of(PowerModelRegistry.GENERIC_48P_LEAN, 70, 2, 0, config.wakeLatencyMillis()))
                .fallback(PowerModelRegistry.GENERIC_48P).build();
        if (!config.powerManagement()) {
            return new Planner(new AlwaysOnPolicy(), new EcmpRouter(), ClassCaps.defaults(), models);
        }
        PolicySettings settings = PolicySettings.builder().minDwellMillis(config.minDwellMillis())
                .decisionPeriodMillis(config.statsIntervalMillis()).build();
        return new Planner(new ForecastThresholdPolicy(settings), new TopologyAwareRouter(), ClassCaps.defaults(),
                models);
    }

    /**
     * The default traffic model at the polling step, or, loudly, the EWMA baseline if it cannot be loaded.
     *
     * @param stepMillis the statistics' polling step
     */
    public static TrafficPredictor predictorFor(long stepMillis) {
        try {
            return DefaultModel.load().atStep(stepMillis);
        } catch (Exception | LinkageError e) {
            log.warn("the default traffic model cannot be loaded ({}); FALLING BACK to the EWMA baseline", e.toString());
            return Ewma.create(stepMillis, FALLBACK_HORIZON);
        }
    }

    /** @param listener called on the control thread after every planning run */
    public void addListener(Consumer<PlanRecord> listener) {
        listeners.add(listener);
    }

    @Override
    public void event(TopologyEvent event) {
        switch (event.type()) {
            case SWITCH_ADDED, SWITCH_REMOVED, LINK_ADDED, LINK_REMOVED, HOST_ADDED, HOST_REMOVED, PORT_ADDED,
                 PORT_REMOVED -> lastChangeMillis = clock.getAsLong();
            default -> {
            }
        }
        requestPlan();
    }

    /** Schedules a planning run, unless one is already scheduled. Any thread. */
    public void requestPlan() {
        if (scheduled.compareAndSet(false, true)) {
            control.schedule(this::run, config.routeDebounceMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Records that a switch lost every ebbflow rule (it reconnected): the next plan re-verifies. Any thread. */
    public void switchReset(DatapathId dpid) {
        control.execute(() -> {
            reverify = true;
            if (loop != null) {
                loop.forget();
            }
            convergedVersion = -1;
            requestPlan();
        });
    }

    /** @return true if the last plan matches the current topology and nothing is pending */
    public boolean isConverged() {
        return convergedVersion == topology.version() && !scheduled.get() && !inFlight;
    }

    /**
     * @return a future completed once {@link #isConverged()} (checked every 20 ms), failed with a
     *     {@link TimeoutException} after the timeout
     */
    public CompletableFuture<Void> whenConverged(long timeoutMillis) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (isConverged()) {
                f.complete(null);
            } else if (System.nanoTime() > deadline) {
                f.completeExceptionally(new TimeoutException("plans not converged within " + timeoutMillis + " ms"));
            } else {
                control.schedule(check[0], 20, TimeUnit.MILLISECONDS);
            }
        };
        control.execute(check[0]);
        return f;
    }

    /** @return the last planning run, or null before the first */
    public PlanRecord last() {
        return last;
    }

    /** @return planning runs so far */
    public long plans() {
        return plans;
    }

    /** @return plans that failed part way (and were re-verified) */
    public long failures() {
        return failures;
    }

    /** @return flow rules written so far */
    public long rulesWritten() {
        return rulesWritten;
    }

    /** @return the control loop, or null before the first run; read it only on the control thread */
    public ControlLoop loop() {
        return loop;
    }

    private void run() {
        scheduled.set(false);
        if (!config.routing()) {
            convergedVersion = topology.version();
            return;
        }
        if (inFlight) {
            dirty = true;
            return;
        }
        long now = clock.getAsLong();
        long quietFor = now - lastChangeMillis;
        if (quietFor < SETTLE_MILLIS) {
            if (scheduled.compareAndSet(false, true)) {
                control.schedule(this::run, SETTLE_MILLIS - quietFor, TimeUnit.MILLISECONDS);
            }
            return;
        }
        TopologySnapshot snap = topology.snapshot();
        if (snap.hostCount() < 2) {
            convergedVersion = snap.version();
            return;
        }
        if (loop == null) {
            long step = stats.store().tiers().get(0).stepMillis();
            loop = ControlLoop.of(plannerFor(config), config.powerManagement() ? predictorFor(step) : null);
            log.info("planning with {}", loop);
        }
        CycleResult result;
        DemandSet demands;
        try {
            demands = observed.demands(snap, poller.latestFlows().values());
            result = loop.run(snap, stats, demands, null, now);
        } catch (RuntimeException e) {
            log.warn("planning on topology version {} failed: {}", snap.version(), e.toString(), e);
            loop.forget();
            reverify = true;
            record(now, snap, null, null, 0, 0, 0, 0, 0, "error");
            control.schedule(this::requestPlan, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        Plan plan = result.plan();
        double forecastMs = result.forecastNanos() / 1e6;
        double planMs = result.planNanos() / 1e6;
        boolean verify = reverify;
        if (plan.steps().isEmpty() && !verify) {
            convergedVersion = snap.version();
            record(now, snap, result, demands, forecastMs, planMs, 0, 0, 0, "unchanged");
            return;
        }
        inFlight = true;
        long t0 = System.nanoTime();
        executor.apply(plan, verify ? poller.latestTables().values() : null).whenComplete((applied, err) ->
                control.execute(() -> {
                    inFlight = false;
                    double applyMs = (System.nanoTime() - t0) / 1e6;
                    if (err != null) {
                        failures++;
                        loop.forget();
                        reverify = true;
                        Throwable cause = err.getCause() != null ? err.getCause() : err;
                        log.warn("plan for topology version {} not fully applied, re-verifying: {}", snap.version(),
                                cause.toString());
                        record(now, snap, result, demands, forecastMs, planMs, applyMs, 0, 0, "failed");
                        control.schedule(this::requestPlan, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                        return;
                    }
                    reverify = false;
                    rulesWritten += applied.rulesInstalled();
                    record(now, snap, result, demands, forecastMs, planMs, applyMs, applied.rulesInstalled(),
                            applied.rulesRemoved(), "applied");
                    log.info("plan applied in {} ms: {} awake of {}, {} wakes, {} sleeps, +{} -{} rules{}",
                            Math.round(applyMs), plan.after().awakeSwitchCount(), snap.switchCount(),
                            plan.wakes().size(), plan.sleeps().size(), applied.rulesInstalled(),
                            applied.rulesRemoved(), verify ? " (re-verified)" : "");
                    if (dirty || snap.version() != topology.version()) {
                        dirty = false;
                        requestPlan();
                    } else {
                        convergedVersion = snap.version();
                    }
                }));
    }

    private void record(long now, TopologySnapshot snap, CycleResult result, DemandSet demands, double forecastMs,
                        double planMs, double applyMs, int installed, int removed, String outcome) {
        plans++;
        PlanRecord r;
        if (result == null) {
            r = new PlanRecord(now, snap.version(), 0, 0, -1, snap.switchCount(), Double.NaN, Double.NaN, 0, 0, 0, 0,
                    Double.NaN, Double.NaN, 0, forecastMs, planMs, applyMs, outcome);
        } else {
            Plan p = result.plan();
            double offered = 0;
            for (int i = 0; i < demands.size(); i++) {
                offered += demands.get(i).meanBps();
            }
            r = new PlanRecord(now, snap.version(), demands.size(), offered, p.after().awakeSwitchCount(),
                    snap.switchCount(), p.powerAfter().currentWatts(), p.powerAfter().allOnWatts(), p.wakes().size(),
                    p.sleeps().size(), installed, removed,
                    p.maxLinkUtilisation(), maxUtilisation(result.measured()), p.refusedCount(), forecastMs, planMs,
                    applyMs, outcome);
        }
        last = r;
        for (Consumer<PlanRecord> l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException e) {
                log.warn("plan listener failed", e);
            }
        }
    }

    private static double maxUtilisation(LinkLoads loads) {
        if (loads == null) {
            return Double.NaN;
        }
        double max = Double.NaN;
        for (int l = 0; l < loads.topology().linkCount(); l++) {
            double u = loads.utilisation(l);
            if (!Double.isNaN(u) && !(max >= u)) {
                max = u;
            }
        }
        return max;
    }
}
