package org.ebbflow.onos.impl;

import static org.ebbflow.onos.impl.OsgiPropertyConstants.DRY_RUN;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.DRY_RUN_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.ENABLED;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.ENABLED_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.FALLBACK_BASELINE;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.FALLBACK_BASELINE_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.FLOW_PRIORITY;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.FLOW_PRIORITY_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.HIGH_WATER;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.HIGH_WATER_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.LOW_WATER;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.LOW_WATER_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.MIN_DWELL_SECONDS;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.MIN_DWELL_SECONDS_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.OBSERVE_FLOWS;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.OBSERVE_FLOWS_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.MODEL_PATH;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.MODEL_PATH_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.PLAN_PERIOD_SECONDS;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.PLAN_PERIOD_SECONDS_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.POLICY;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.POLICY_DEFAULT;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.STATS_STEP_MILLIS;
import static org.ebbflow.onos.impl.OsgiPropertyConstants.STATS_STEP_MILLIS_DEFAULT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.ebbflow.flowstats.CounterSemantics;
import org.ebbflow.flowstats.CounterTracker;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.flowstats.flows.TrafficMatrix;
import org.ebbflow.onos.api.DeclaredDemand;
import org.ebbflow.onos.api.EbbflowService;
import org.ebbflow.onos.api.EbbflowStatus;
import org.ebbflow.onos.api.LinkForecast;
import org.ebbflow.onos.api.PlanReport;
import org.ebbflow.planner.cycle.ControlLoop;
import org.ebbflow.planner.cycle.CycleResult;
import org.ebbflow.planner.cycle.LinkSeries;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanVerifier;
import org.ebbflow.planner.plan.Planner;
import org.ebbflow.planner.plan.Violation;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.planner.policy.PolicySettings;
import org.ebbflow.planner.policy.PowerPolicy;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.route.DemandRouter;
import org.ebbflow.planner.route.EcmpRouter;
import org.ebbflow.planner.route.GreedyBinPackingRouter;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.remote.FailoverPredictor;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.TopologyManager;
import org.onlab.util.Tools;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.cluster.ClusterService;
import org.onosproject.cluster.LeadershipEvent;
import org.onosproject.cluster.LeadershipEventListener;
import org.onosproject.cluster.LeadershipService;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DeviceAdminService;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleOperationsContext;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.host.HostEvent;
import org.onosproject.net.host.HostListener;
import org.onosproject.net.host.HostService;
import org.onosproject.net.link.LinkEvent;
import org.onosproject.net.link.LinkListener;
import org.onosproject.net.link.LinkService;
import org.onosproject.store.service.Serializer;
import org.onosproject.store.service.StorageService;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ebbflow's ONOS component. Every node keeps its own topology model and statistics from ONOS's events (listeners only
 * queue work on one thread); only the leader of the {@value #TOPIC} topic plans and acts, once per planning period.
 * What a new leader needs lives in the cluster ({@link ClusterState}): sleeping elements with their ports and links,
 * the operator's overrides, the policy memory and the current plan, so it resumes without waking or sleeping
 * anything wrongly. Device writes happen only for devices that have a master; otherwise the cycle applies nothing and
 * retries.
 */
@Component(immediate = true, service = EbbflowService.class,
        property = {
            ENABLED + ":Boolean=" + ENABLED_DEFAULT,
            DRY_RUN + ":Boolean=" + DRY_RUN_DEFAULT,
            STATS_STEP_MILLIS + ":Integer=" + STATS_STEP_MILLIS_DEFAULT,
            PLAN_PERIOD_SECONDS + ":Integer=" + PLAN_PERIOD_SECONDS_DEFAULT,
            POLICY + "=" + POLICY_DEFAULT,
            LOW_WATER + ":Double=" + LOW_WATER_DEFAULT,
            HIGH_WATER + ":Double=" + HIGH_WATER_DEFAULT,
            MIN_DWELL_SECONDS + ":Integer=" + MIN_DWELL_SECONDS_DEFAULT,
            MODEL_PATH + "=" + MODEL_PATH_DEFAULT,
            FALLBACK_BASELINE + "=" + FALLBACK_BASELINE_DEFAULT,
            FLOW_PRIORITY + ":Integer=" + FLOW_PRIORITY_DEFAULT,
            OBSERVE_FLOWS + ":Boolean=" + OBSERVE_FLOWS_DEFAULT,
        })
public class EbbflowManager implements EbbflowService {
    /** The application name, also the leadership topic. */
    public static final String APP_NAME = "org.ebbflow.app";
    /** The leadership topic: the leader plans and acts. */
    public static final String TOPIC = APP_NAME;
    /** Name of the cluster-wide state map. */
    public static final String STATE_MAP = "ebbflow-state";

    private static final Logger LOG = LoggerFactory.getLogger(EbbflowManager.class);
    private static final long FLOW_TIMEOUT_MILLIS = 30_000;
    private static final long REMOTE_RETRY_MILLIS = 30_000;
    private static final int MAX_FORECASTS = 1000;
    private static final double MIN_OBSERVED_BPS = 1000;
    private static final int MAX_DEMAND_IDS = 1_000_000;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected CoreService coreService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected ComponentConfigService cfgService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceService deviceService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceAdminService deviceAdminService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected LinkService linkService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected HostService hostService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected FlowRuleService flowRuleService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected LeadershipService leadershipService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected ClusterService clusterService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected MastershipService mastershipService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected StorageService storageService;

    /** Whether ebbflow plans at all. */
    private boolean enabled = ENABLED_DEFAULT;

    /** Plan and report, but change nothing in the network. */
    private boolean dryRun = DRY_RUN_DEFAULT;

    /** Step of the statistics series in ms; must equal the OpenFlow provider's portStatsPollFrequency. */
    private int statsStepMillis = STATS_STEP_MILLIS_DEFAULT;

    /** Seconds between planning cycles. */
    private int planPeriodSeconds = PLAN_PERIOD_SECONDS_DEFAULT;

    /** Power policy: forecast-threshold, reactive or always-on. */
    private String policy = POLICY_DEFAULT;

    /** Sleep threshold: forecast utilisation below which capacity may sleep. */
    private double lowWater = LOW_WATER_DEFAULT;

    /** Wake threshold: forecast utilisation above which capacity wakes (hysteresis between the two). */
    private double highWater = HIGH_WATER_DEFAULT;

    /** Minimum seconds an element stays in a state before the policy changes it again. */
    private int minDwellSeconds = MIN_DWELL_SECONDS_DEFAULT;

    /** Model: default, a baseline name, a model file, or http://host:port of ebbflow serve-model. */
    private String modelPath = MODEL_PATH_DEFAULT;

    /** Baseline used when the model cannot run or its server does not answer. */
    private String fallbackBaseline = FALLBACK_BASELINE_DEFAULT;

    /** Priority of ebbflow's bulk rules (latency-sensitive +1, guaranteed +2). */
    private int flowPriority = FLOW_PRIORITY_DEFAULT;

    /** Estimate demands from the switches' flow counters each cycle, merged with the declared ones. */
    private boolean observeFlows = OBSERVE_FLOWS_DEFAULT;

    // Test seams: time, the work thread, waiting for woken ports, and whether the periodic cycle runs.
    LongSupplier clock = System::currentTimeMillis;
    Executor workExecutor;
    /** Runs work on the ebbflow thread after a delay in ms (production: the component's scheduled executor). */
    interface Scheduler {
        void schedule(Runnable work, long delayMillis);
    }

    Scheduler scheduler;
    boolean periodic = true;

    private final DeviceListener deviceListener = new InternalDeviceListener();
    private final LinkListener linkListener = e -> execute(() -> {
        this.discovery.onLinkEvent(e);
        if (e.type() != LinkEvent.Type.LINK_REMOVED) {
            onLinkUp();
        }
    });
    private final HostListener hostListener = e -> execute(() -> this.discovery.onHostEvent(e));
    private final LeadershipEventListener leadershipListener = new InternalLeadershipListener();

    private ApplicationId appId;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> cycleTask;
    private ClusterState state;
    private TopologyManager topology;
    private PortStatsCollector stats;
    private OnosDiscovery discovery;
    private volatile Set<ConnectPoint> disabledPorts = Collections.emptySet();
    private ControlLoop loop;
    private PredictorSource.Mode predictorMode;
    private long remoteRetryAtMillis;
    private boolean leading;
    private long cycles;
    private long lastCycleAtMillis;
    private long lastCycleMillis;
    private String lastOutcome;
    private String lastError;
    private final ObservedDemands observed = new ObservedDemands();
    private final Map<String, Long> demandIds = new HashMap<>();
    private int lastObservedPairs;
    /** Set when ebbflow's rules on the switches must be reconciled although the loop has a previous plan. */
    private boolean reconcilePending = true;
    private InFlight inFlight;
    private volatile List<LinkForecast> forecasts = Collections.emptyList();

    @Activate
    protected void activate(ComponentContext context) {
        appId = coreService.registerApplication(APP_NAME);
        cfgService.registerProperties(getClass());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ebbflow");
            t.setDaemon(true);
            return t;
        });
        if (workExecutor == null) {
            workExecutor = executor;
        }
        if (scheduler == null) {
            scheduler = (work, delay) -> executor.schedule(() -> execute(work), delay, TimeUnit.MILLISECONDS);
        }
        state = new ClusterState(storageService.<String, String>consistentMapBuilder().withName(STATE_MAP)
                .withSerializer(Serializer.forTypes(String.class)).build().asJavaMap());
        readProperties(context == null ? null : context.getProperties());
        topology = new TopologyManager();
        stats = newCollector();
        discovery = new OnosDiscovery(deviceService, linkService, hostService, topology,
                cp -> disabledPorts.contains(cp), clock);
        call(() -> {
            refreshDisabledPorts();
            discovery.resync();
            restoreSleeping(clock.getAsLong());
            loop = newLoop();
            return null;
        });
        deviceService.addListener(deviceListener);
        linkService.addListener(linkListener);
        hostService.addListener(hostListener);
        leadershipService.addListener(leadershipListener);
        leadershipService.runForLeadership(TOPIC);
        schedule();
        LOG.info("Started: {} switches, {} sleeping elements in the cluster store, predictor {} ({})",
                topology.snapshot().switchCount(), state.sleeping().size(), loop.predictor() == null ? "none"
                        : loop.predictor().name(), predictorMode.token());
    }

    @Deactivate
    protected void deactivate() {
        leadershipService.removeListener(leadershipListener);
        leadershipService.withdraw(TOPIC);
        deviceService.removeListener(deviceListener);
        linkService.removeListener(linkListener);
        hostService.removeListener(hostListener);
        if (cycleTask != null) {
            cycleTask.cancel(false);
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cfgService.unregisterProperties(getClass(), false);
        // The rules stay: removing them would drop traffic; sleeping ports stay asleep, recorded in the cluster.
        LOG.info("Stopped");
    }

    @Modified
    protected void modified(ComponentContext context) {
        int oldStep = statsStepMillis;
        int oldPeriod = planPeriodSeconds;
        int oldPriority = flowPriority;
        readProperties(context == null ? null : context.getProperties());
        call(() -> {
            if (oldPriority != flowPriority) {
                // Rules of the old priority are other rules to ONOS: replace them all.
                reconcilePending = true;
                if (loop != null) {
                    loop.forget();
                }
            }
            if (oldStep != statsStepMillis) {
                LOG.info("statistics step {} ms -> {} ms: series start again", oldStep, statsStepMillis);
                stats = newCollector();
            }
            ControlLoop old = loop;
            loop = newLoop();
            if (old != null) {
                loop.resume(old.memory(), old.previous());
            }
            return null;
        });
        if (oldPeriod != planPeriodSeconds) {
            schedule();
        }
        LOG.info("Reconfigured: enabled={}, dryRun={}, policy={}, water {}..{}, dwell {} s, model {} ({})", enabled,
                dryRun, policy, lowWater, highWater, minDwellSeconds, modelPath, predictorMode.token());
    }

    private void readProperties(Dictionary<?, ?> p) {
        if (p == null) {
            return;
        }
        enabled = Tools.isPropertyEnabled(p, ENABLED, enabled);
        dryRun = Tools.isPropertyEnabled(p, DRY_RUN, dryRun);
        observeFlows = Tools.isPropertyEnabled(p, OBSERVE_FLOWS, observeFlows);
        statsStepMillis = positive(Tools.getIntegerProperty(p, STATS_STEP_MILLIS, statsStepMillis), STATS_STEP_MILLIS);
        planPeriodSeconds = positive(Tools.getIntegerProperty(p, PLAN_PERIOD_SECONDS, planPeriodSeconds),
                PLAN_PERIOD_SECONDS);
        minDwellSeconds = Math.max(0, Tools.getIntegerProperty(p, MIN_DWELL_SECONDS, minDwellSeconds));
        flowPriority = Tools.getIntegerProperty(p, FLOW_PRIORITY, flowPriority);
        String s = Tools.get(p, POLICY);
        if (s != null) {
            policy = s.toLowerCase(Locale.ROOT);
        }
        s = Tools.get(p, MODEL_PATH);
        if (s != null) {
            modelPath = s;
        }
        s = Tools.get(p, FALLBACK_BASELINE);
        if (s != null) {
            fallbackBaseline = s;
        }
        double low = fraction(Tools.get(p, LOW_WATER), lowWater, LOW_WATER);
        double high = fraction(Tools.get(p, HIGH_WATER), highWater, HIGH_WATER);
        if (low < high) {
            lowWater = low;
            highWater = high;
        } else {
            LOG.warn("{}={} must be below {}={}; keeping {}..{}", LOW_WATER, low, HIGH_WATER, high, lowWater,
                    highWater);
        }
    }

    private static int positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        return v;
    }

    private static double fraction(String text, double current, String name) {
        if (text == null) {
            return current;
        }
        try {
            double v = Double.parseDouble(text);
            if (v > 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{}={} is not a fraction in (0, 1]; keeping {}", name, text, current);
        return current;
    }

    private PortStatsCollector newCollector() {
        return new PortStatsCollector(topology, CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64)
                .withExpectedIntervalMillis(statsStepMillis));
    }

    private ControlLoop newLoop() {
        PowerPolicy inner;
        DemandRouter router = new GreedyBinPackingRouter();
        switch (policy) {
            case AlwaysOnPolicy.NAME:
                inner = new AlwaysOnPolicy();
                router = new EcmpRouter();
                break;
            case ReactivePolicy.NAME:
                inner = new ReactivePolicy(highWater, 0);
                break;
            default:
                if (!ForecastThresholdPolicy.NAME.equals(policy)) {
                    LOG.warn("unknown policy '{}' (forecast-threshold, reactive, always-on); using {}", policy,
                            ForecastThresholdPolicy.NAME);
                }
                inner = new ForecastThresholdPolicy(PolicySettings.builder().lowWater(lowWater).highWater(highWater)
                        .minDwellMillis(minDwellSeconds * 1000L).decisionPeriodMillis(planPeriodSeconds * 1000L)
                        .build());
                break;
        }
        Planner planner = new Planner(new OperatorPolicy(inner, () -> state.pins()), router);
        PredictorSource.Choice c = PredictorSource.choose(modelPath, fallbackBaseline, statsStepMillis);
        predictorMode = c.mode;
        remoteRetryAtMillis = clock.getAsLong() + REMOTE_RETRY_MILLIS;
        return ControlLoop.of(planner, inner instanceof ForecastThresholdPolicy ? c.predictor : null);
    }

    private void schedule() {
        if (cycleTask != null) {
            cycleTask.cancel(false);
        }
        if (periodic) {
            cycleTask = executor.scheduleWithFixedDelay(this::safeCycle, planPeriodSeconds, planPeriodSeconds,
                    TimeUnit.SECONDS);
        }
    }

    private void execute(Runnable r) {
        workExecutor.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("event handling failed", e);
            }
        });
    }

    /** Runs work on the work thread and waits for it; the caller's view is then consistent. */
    private <T> T call(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        workExecutor.execute(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("ebbflow is busy; try again", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IllegalStateException(c);
        }
    }

    private void safeCycle() {
        try {
            cycle();
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.warn("control cycle failed", e);
        }
    }

    /** One control cycle on this node: keep the model in step with the cluster, and plan and act if leader. */
    void cycle() {
        long now = clock.getAsLong();
        long t0 = System.nanoTime();
        syncFromCluster(now);
        stats.onCycle(now);
        boolean leader = isLeader();
        if (leader && !leading) {
            loop.resume(state.memory(), null);
            LOG.info("Leader now: resuming with {} sleeping elements and {} overrides from the cluster store",
                    state.sleeping().size(), state.pins().size());
        } else if (!leader && leading) {
            LOG.info("No longer the leader: following");
        }
        leading = leader;
        if (!enabled || !leader) {
            return;
        }
        if (predictorMode == PredictorSource.Mode.BASELINE_FALLBACK && PredictorSource.isRemote(modelPath)
                && now >= remoteRetryAtMillis) {
            ControlLoop old = loop;
            loop = newLoop();
            loop.resume(old.memory(), old.previous());
        }
        if (inFlight != null) {
            lastOutcome = "busy: still applying the plan of " + inFlight.atMillis;
            return;
        }
        reconcilePins(now);
        PlanReport r = runPlan(dryRun, now);
        cycles++;
        lastCycleAtMillis = now;
        lastCycleMillis = (System.nanoTime() - t0) / 1_000_000;
        if (inFlight == null) {
            lastOutcome = r.outcome();
        } else {
            lastOutcome = PlanReport.APPLYING;
        }
    }

    /** Brings the local model in line with the cluster's records: ports disabled on purpose, sleeping marks. */
    private void syncFromCluster(long now) {
        refreshDisabledPorts();
        discovery.refreshLinks();
        restoreSleeping(now);
        topology.expire(now);
    }

    private void refreshDisabledPorts() {
        Set<ConnectPoint> ports = new HashSet<>();
        for (SleepRecord r : state.sleeping().values()) {
            ports.addAll(r.ports());
        }
        disabledPorts = ports;
    }

    /**
     * Marks what the planner put to sleep as asleep in the local model, re-creating links the model never saw or
     * lost (ONOS drops the links of disabled ports), so this node can plan with them and wake them.
     */
    private void restoreSleeping(long now) {
        TopologySnapshot t = topology.snapshot();
        for (SleepRecord r : state.sleeping().values()) {
            if (r.origin() != SleepRecord.Origin.PLANNER) {
                continue;
            }
            markAsleep(r, true, t, now);
        }
    }

    private void markAsleep(SleepRecord r, boolean asleep, TopologySnapshot t, long now) {
        if (asleep) {
            for (Map.Entry<LinkKey, Long> e : r.links().entrySet()) {
                if (t.linkIndex(e.getKey()) < 0) {
                    topology.accept(DiscoveryEvent.linkDiscovered(e.getKey(), e.getValue(), now));
                }
            }
        }
        if (r.isSwitch()) {
            topology.setSwitchAsleep(OnosNames.parseDevice(r.element()), asleep, now);
        }
        for (LinkKey k : r.links().keySet()) {
            topology.setLinkAsleep(k, asleep, now);
        }
    }

    boolean isLeader() {
        NodeId local = clusterService.getLocalNode().id();
        return local.equals(leadershipService.getLeader(TOPIC));
    }

    /** The leader applies the operator's overrides: pinned-asleep elements down, pinned-awake elements up. */
    private void reconcilePins(long now) {
        Map<String, String> pins = state.pins();
        if (pins.isEmpty()) {
            return;
        }
        Map<String, SleepRecord> sleeping = state.sleeping();
        TopologySnapshot t = topology.snapshot();
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            String element = pin.getKey();
            SleepRecord r = sleeping.get(element);
            if (ClusterState.PIN_ASLEEP.equals(pin.getValue())) {
                if (r != null && r.origin() == SleepRecord.Origin.OPERATOR) {
                    continue;
                }
                SleepRecord rec = r != null ? r.withOrigin(SleepRecord.Origin.OPERATOR)
                        : operatorRecord(element, t, now);
                if (rec == null || (r == null && !writable(rec.ports()))) {
                    continue;
                }
                if (dryRun) {
                    continue;
                }
                if (r == null) {
                    setPorts(rec.ports(), false);
                } else {
                    markAsleep(r, false, t, now);
                }
                state.putSleeping(rec);
                refreshDisabledPorts();
                reportPorts(rec.ports(), false, now);
                LOG.info("Operator override: {} asleep", element);
            } else if (r != null) {
                if (!writable(r.ports()) || dryRun) {
                    continue;
                }
                setPorts(r.ports(), true);
                state.removeSleeping(element);
                markAsleep(r, false, t, now);
                refreshDisabledPorts();
                reportPorts(r.ports(), true, now);
                LOG.info("Operator override: {} awake", element);
            }
        }
    }

    private SleepRecord operatorRecord(String element, TopologySnapshot t, long now) {
        org.ebbflow.planner.plan.PowerTransition tr = transitionFor(element, t);
        if (tr == null) {
            return null;
        }
        return Actuation.sleepRecord(tr, t, element, now).withOrigin(SleepRecord.Origin.OPERATOR);
    }

    private static org.ebbflow.planner.plan.PowerTransition transitionFor(String element, TopologySnapshot t) {
        if (element.contains("-of:")) {
            LinkKey k = OnosNames.parseLink(element);
            return t.linkIndex(k) < 0 && t.linkIndex(k.reverse()) < 0 ? null
                    : org.ebbflow.planner.plan.PowerTransition.ofCable(
                            org.ebbflow.planner.plan.PowerTransition.Direction.SLEEP, k, "operator");
        }
        DatapathId d = OnosNames.parseDevice(element);
        return t.switchIndex(d) < 0 ? null : org.ebbflow.planner.plan.PowerTransition.ofSwitch(
                org.ebbflow.planner.plan.PowerTransition.Direction.SLEEP, d, "operator", 0);
    }

    /** Tells the local model at once what ebbflow did to ports, without waiting for ONOS's port events. */
    private void reportPorts(List<ConnectPoint> ports, boolean up, long now) {
        TopologySnapshot t = topology.snapshot();
        for (ConnectPoint cp : ports) {
            PortInfo p = t.port(cp);
            if (p != null) {
                topology.accept(DiscoveryEvent.portChanged(p.withStatus(up, true), now));
            }
        }
    }

    /** @return true if every device of these ports has a master (ONOS forwards port changes to it) */
    private boolean writable(List<ConnectPoint> ports) {
        for (ConnectPoint cp : ports) {
            if (mastershipService.getMasterFor(OnosNames.deviceId(cp.dpid())) == null) {
                LOG.warn("{} has no master: not changing its ports now", OnosNames.name(cp.dpid()));
                return false;
            }
        }
        return true;
    }

    private void setPorts(List<ConnectPoint> ports, boolean enable) {
        for (ConnectPoint cp : ports) {
            deviceAdminService.changePortState(OnosNames.deviceId(cp.dpid()), PortNumber.portNumber(cp.portNumber()),
                    enable);
        }
    }

    /**
     * Plans one cycle and, unless dry, applies it. A dry run plans on a copy of the loop, so it changes neither the
     * network nor the policy memory nor the previous plan.
     */
    private PlanReport runPlan(boolean dry, long now) {
        TopologySnapshot t = topology.snapshot();
        observeFlows(t, now);
        DemandSet demands = demands(t, now);
        ControlLoop l = loop;
        PolicyMemory memoryBefore = loop.memory();
        // Without a previous plan (a new leader, a fresh start, or a plan that was not confirmed) nobody knows which
        // of ebbflow's rules are on the switches: compare the plan against ONOS's flow table once it is applied.
        boolean reconcile = loop.previous() == null || reconcilePending;
        if (dry) {
            l = ControlLoop.of(loop.planner(), loop.predictor());
            l.resume(loop.memory(), loop.previous());
        }
        CycleResult result = l.run(t, stats, demands, null, now);
        Plan plan = result.plan();
        forecasts = forecasts(t, result);
        List<Violation> violations = PlanVerifier.verify(plan, t, demands);
        Actuation a = Actuation.of(plan, state.sleeping(), state.pins(), appId, flowPriority, now);
        int[] staleOnMasterless = new int[1];
        if (reconcile) {
            a = a.withStaleRemovals(staleRules(plan, staleOnMasterless));
        }
        String outcome;
        boolean act = false;
        if (dry) {
            outcome = PlanReport.DRY_RUN;
        } else if (observeFlows && !observed.warm() && !a.slept().isEmpty()) {
            // The first reading of the flow counters gives no rates: sleeping now could take down cables that carry
            // traffic nobody declared (waking and rules are safe).
            outcome = "deferred: flow counters read once, rates need a second reading";
        } else if (!violations.isEmpty()) {
            outcome = "refused: the plan breaks " + violations.size() + " safety invariants";
            LOG.error("Not applying a plan that breaks safety invariants: {}", violations);
        } else {
            outcome = PlanReport.APPLYING;
            act = true;
        }
        PlanReport report = report(plan, a, violations, outcome, dry, now);
        if (dry) {
            return report;
        }
        Actuation applied = a;
        ControlLoop planned = loop;
        java.util.function.Consumer<String> finish = result2 -> {
            if (!PlanReport.APPLIED.equals(result2)) {
                // Nothing (or not all) happened: the dwell clock must not start, and the next plan is diffed
                // against nothing rather than against rules that may not be on the switches (and reconciled).
                planned.resume(memoryBefore, null);
                reconcilePending = true;
            } else if (reconcile) {
                reconcilePending = staleOnMasterless[0] > 0;
                if (!applied.staleRemovals().isEmpty()) {
                    LOG.info("Reconciled: removed {} stale ebbflow rules", applied.staleRemovals().size());
                }
            }
            state.putMemory(planned.memory(), t);
            state.putPlan(withOutcome(report, result2));
            lastOutcome = result2;
            if (!applied.isEmpty()) {
                LOG.info("Plan {}: woke {}, slept {}, rules +{} -{}", result2, applied.woken(),
                        applied.slept().size(), plan.ruleDiff().addCount(), plan.ruleDiff().removeCount());
            }
        };
        if (!act) {
            finish.accept(outcome);
            return report;
        }
        state.putPlan(report);
        String now2 = apply(a, t, now, finish);
        return withOutcome(report, now2);
    }

    private static PlanReport withOutcome(PlanReport r, String outcome) {
        if (outcome.equals(r.outcome())) {
            return r;
        }
        Map<String, Object> m = new LinkedHashMap<>(r.toMap());
        m.put("outcome", outcome);
        return PlanReport.of(m);
    }

    /** An actuation under way: ports woken, waiting for them, then flow rules, then sleeps. */
    private static final class InFlight {
        enum Phase { WAKING, RULES, DONE }

        final Actuation actuation;
        final TopologySnapshot topology;
        final long atMillis;
        final java.util.function.Consumer<String> finish;
        final Set<LinkKey> awaitedLinks;
        Phase phase = Phase.WAKING;
        String outcome;

        InFlight(Actuation actuation, TopologySnapshot topology, long atMillis,
                 java.util.function.Consumer<String> finish, Set<LinkKey> awaitedLinks) {
            this.actuation = actuation;
            this.topology = topology;
            this.atMillis = atMillis;
            this.finish = finish;
            this.awaitedLinks = awaitedLinks;
        }
    }

    /**
     * Starts applying an actuation make-before-break without blocking the ebbflow thread: wakes ports now, and
     * continues on the ebbflow thread once the woken links are back in ONOS or the wake latency has passed
     * ({@link #continueAfterWake}), then installs the rules and, once ONOS confirms them ({@link #rulesDone}),
     * sleeps what the plan sleeps. Events keep flowing meanwhile; cycles skip planning until it is done.
     *
     * @param finish called once with the final outcome
     * @return the outcome if already known, else {@link PlanReport#APPLYING}
     */
    private String apply(Actuation a, TopologySnapshot t, long now, java.util.function.Consumer<String> finish) {
        for (DeviceId d : a.devices()) {
            if (mastershipService.getMasterFor(d) == null) {
                LOG.warn("{} has no master: deferring the plan", d);
                String outcome = "deferred: no master for " + d;
                finish.accept(outcome);
                return outcome;
            }
        }
        Map<String, SleepRecord> sleeping = state.sleeping();
        Set<LinkKey> awaited = new HashSet<>();
        setPorts(portsOf(a.wakePorts()), true);
        for (String element : a.woken()) {
            SleepRecord r = sleeping.get(element);
            state.removeSleeping(element);
            if (r != null) {
                markAsleep(r, false, t, now);
                awaited.addAll(r.links().keySet());
            } else if (!element.contains("-of:")) {
                topology.setSwitchAsleep(OnosNames.parseDevice(element), false, now);
            } else {
                LinkKey k = OnosNames.parseLink(element);
                topology.setLinkAsleep(k, false, now);
                topology.setLinkAsleep(k.reverse(), false, now);
                awaited.add(k);
                awaited.add(k.reverse());
            }
        }
        refreshDisabledPorts();
        InFlight p = new InFlight(a, t, now, finish, awaited);
        inFlight = p;
        if (a.waitMillis() > 0 && !linksUp(awaited)) {
            scheduler.schedule(() -> continueAfterWake(p), a.waitMillis());
        } else {
            continueAfterWake(p);
        }
        return p.phase == InFlight.Phase.DONE ? p.outcome : PlanReport.APPLYING;
    }

    /** @return true if ONOS reports every one of these links again (the LLDP provider found them after a wake) */
    private boolean linksUp(Set<LinkKey> links) {
        if (links.isEmpty()) {
            return false;
        }
        for (LinkKey k : links) {
            if (linkService.getLink(OnosNames.connectPoint(k.src()), OnosNames.connectPoint(k.dst())) == null) {
                return false;
            }
        }
        return true;
    }

    /** A link came up: if an actuation waits for it and every awaited link is back, continue now. */
    private void onLinkUp() {
        InFlight p = inFlight;
        if (p != null && p.phase == InFlight.Phase.WAKING && linksUp(p.awaitedLinks)) {
            scheduler.schedule(() -> continueAfterWake(p), 0);
        }
    }

    /** The woken capacity is up (or its latency passed): install the rules, then wait for ONOS's confirmation. */
    private void continueAfterWake(InFlight p) {
        if (inFlight != p || p.phase != InFlight.Phase.WAKING) {
            return;
        }
        p.phase = InFlight.Phase.RULES;
        if (!isLeader()) {
            LOG.warn("No longer the leader: not continuing the plan of {}", p.atMillis);
            done(p, "aborted: no longer the leader");
            return;
        }
        FlowRuleOperations ops = p.actuation.operations(new FlowRuleOperationsContext() {
            @Override
            public void onSuccess(FlowRuleOperations o) {
                execute(() -> rulesDone(p, true));
            }

            @Override
            public void onError(FlowRuleOperations o) {
                execute(() -> rulesDone(p, false));
            }
        });
        if (ops == null) {
            rulesDone(p, true);
            return;
        }
        flowRuleService.apply(ops);
        if (p.phase == InFlight.Phase.RULES) {
            scheduler.schedule(() -> rulesDone(p, false), FLOW_TIMEOUT_MILLIS);
        }
    }

    /** ONOS confirmed (or refused, or never answered) the rules: sleep what the plan sleeps, or nothing. */
    private void rulesDone(InFlight p, boolean ok) {
        if (inFlight != p || p.phase != InFlight.Phase.RULES) {
            return;
        }
        if (!ok) {
            LOG.warn("flow rule operations failed or timed out: nothing put to sleep this cycle");
            done(p, "failed: flow rules not confirmed");
            return;
        }
        long now = clock.getAsLong();
        setPorts(portsOf(p.actuation.sleepPorts()), false);
        TopologySnapshot t = topology.snapshot();
        for (SleepRecord r : p.actuation.slept()) {
            state.putSleeping(r);
            markAsleep(r, true, t, now);
        }
        refreshDisabledPorts();
        done(p, PlanReport.APPLIED);
    }

    private void done(InFlight p, String outcome) {
        p.phase = InFlight.Phase.DONE;
        p.outcome = outcome;
        inFlight = null;
        p.finish.accept(outcome);
    }

    /**
     * ebbflow's rules on the switches that the plan does not contain: entries of ebbflow's own application id only
     * (never another application's), not already being removed. Rules on devices without a master are left for a
     * later cycle and counted in {@code masterless[0]}.
     */
    private List<FlowRule> staleRules(Plan plan, int[] masterless) {
        Map<String, FlowRule> keep = Actuation.rulesInForce(plan, appId, flowPriority);
        List<FlowRule> out = new ArrayList<>();
        for (FlowEntry e : flowRuleService.getFlowEntriesById(appId)) {
            if (e.appId() != appId.id() || e.state() == FlowEntry.FlowEntryState.PENDING_REMOVE
                    || e.state() == FlowEntry.FlowEntryState.REMOVED || keep.containsKey(Actuation.ruleKey(e))) {
                continue;
            }
            if (mastershipService.getMasterFor(e.deviceId()) == null) {
                masterless[0]++;
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private static List<ConnectPoint> portsOf(List<Actuation.PortChange> changes) {
        List<ConnectPoint> out = new ArrayList<>(changes.size());
        for (Actuation.PortChange c : changes) {
            out.add(c.port);
        }
        return out;
    }

    /**
     * The demands to route this cycle: the declared ones, merged with those observed in the flow tables
     * ({@link ObservedDemands}). Classes: a host pair nobody declared is {@code bulk} at its observed rate (ebbflow
     * cannot tell a flow's class from its counters). A declared pair keeps its declared classes: a guaranteed demand
     * keeps exactly its reservation; the observed traffic beyond the pair's reservations raises the pair's first
     * latency-sensitive or bulk declaration to that rate if it is higher (the declaration is a floor), and if the pair
     * declared only guaranteed demands, the excess becomes a {@code bulk} demand (traffic beyond a reservation is best
     * effort). Observed rates below {@value #MIN_OBSERVED_BPS} bit/s are ignored. Ids are stable per pair and class,
     * so the rule difference between two cycles compares the same demands.
     */
    private DemandSet demands(TopologySnapshot t, long now) {
        Map<String, Demand> out = new LinkedHashMap<>();
        Map<Long, List<String>> byPair = new HashMap<>();
        int unknown = 0;
        for (DeclaredDemand d : state.demands()) {
            int src = t.hostIndex(MacAddress.parse(d.srcMac()));
            int dst = t.hostIndex(MacAddress.parse(d.dstMac()));
            if (src < 0 || dst < 0) {
                unknown++;
                continue;
            }
            DemandClass c;
            try {
                c = DemandClass.parse(d.demandClass());
            } catch (IllegalArgumentException e) {
                unknown++;
                continue;
            }
            String key = demandKey(t, src, dst, c);
            if (!out.containsKey(key)) {
                out.put(key, Demand.betweenHosts(demandId(key), src, dst, d.rateBps(), d.rateBps(), c));
                byPair.computeIfAbsent((long) src * t.hostCount() + dst, k -> new ArrayList<>()).add(key);
            }
        }
        if (unknown > 0) {
            LOG.debug("{} declared demands name hosts ONOS has not seen or an unknown class", unknown);
        }
        int observedPairs = 0;
        if (observeFlows) {
            TrafficMatrix m = observed.estimate(t, now);
            for (TrafficMatrix.Entry e : m.entries()) {
                int src = e.srcHost();
                int dst = e.dstHost();
                if (src == dst || e.rateBps() < MIN_OBSERVED_BPS) {
                    continue;
                }
                observedPairs++;
                double residual = e.rateBps();
                String flexible = null;
                for (String key : byPair.getOrDefault((long) src * t.hostCount() + dst,
                        Collections.<String>emptyList())) {
                    Demand d = out.get(key);
                    if (d.demandClass() == DemandClass.GUARANTEED) {
                        residual -= d.meanBps();
                    } else if (flexible == null) {
                        flexible = key;
                    }
                }
                if (residual < MIN_OBSERVED_BPS) {
                    continue;
                }
                if (flexible != null) {
                    Demand d = out.get(flexible);
                    if (residual > d.meanBps()) {
                        out.put(flexible, Demand.betweenHosts(d.id(), src, dst, residual, residual, d.demandClass()));
                    }
                } else {
                    String key = demandKey(t, src, dst, DemandClass.BULK);
                    out.put(key, Demand.betweenHosts(demandId(key), src, dst, residual, residual, DemandClass.BULK));
                }
            }
        }
        lastObservedPairs = observedPairs;
        return DemandSet.of(new ArrayList<>(out.values()));
    }

    private static String demandKey(TopologySnapshot t, int src, int dst, DemandClass c) {
        return t.host(src).mac() + ">" + t.host(dst).mac() + "/" + c;
    }

    /** @return a stable id for a pair and class: the rule difference matches demands by id */
    private long demandId(String key) {
        if (demandIds.size() > MAX_DEMAND_IDS) {
            demandIds.clear();
            loop.forget();
        }
        return demandIds.computeIfAbsent(key, k -> (long) demandIds.size() + 1);
    }

    /** Reads every switch's flow entries into the observed demands (read-only; all applications' rules). */
    private void observeFlows(TopologySnapshot t, long now) {
        if (!observeFlows) {
            return;
        }
        observed.retain(t);
        observed.reading(now);
        for (int s = 0; s < t.switchCount(); s++) {
            DeviceId d = OnosNames.deviceId(t.switchAt(s).dpid());
            try {
                observed.ingest(d, flowRuleService.getFlowEntries(d), now);
            } catch (RuntimeException e) {
                LOG.debug("flow entries of {} not usable: {}", d, e.toString());
            }
        }
    }

    private static List<LinkForecast> forecasts(TopologySnapshot t, CycleResult r) {
        Forecast f = r.forecast();
        LinkSeries s = r.series();
        if (f == null || s == null) {
            return Collections.emptyList();
        }
        List<LinkForecast> out = new ArrayList<>(s.size());
        for (int b = 0; b < s.size(); b++) {
            int l = s.link(b);
            out.add(new LinkForecast(OnosNames.name(t.link(l).key()), t.linkCapacityBps(l), r.measured().bps(l),
                    f.mean(b, 0), f.maxUpper(b)));
        }
        out.sort(Comparator.comparingDouble((LinkForecast x) -> {
            double u = x.upperUtilisation();
            return Double.isNaN(u) ? Double.NEGATIVE_INFINITY : u;
        }).reversed());
        return Collections.unmodifiableList(out.size() > MAX_FORECASTS ? new ArrayList<>(out.subList(0, MAX_FORECASTS))
                : out);
    }

    private PlanReport report(Plan plan, Actuation a, List<Violation> violations, String outcome, boolean dry,
                              long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("atMillis", now);
        m.put("node", clusterService.getLocalNode().id().toString());
        m.put("policy", plan.policy());
        m.put("router", plan.router());
        m.put("predictor", loop.predictor() == null ? "none" : loop.predictor().name());
        m.put("dryRun", dry);
        m.put("outcome", outcome);
        m.put("switches", plan.topology().switchCount());
        m.put("awakeSwitches", plan.powerAfter().awakeSwitches());
        m.put("asleepSwitches", plan.powerAfter().asleepSwitches());
        m.put("wattsBefore", plan.powerBefore().currentWatts());
        m.put("wattsAfter", plan.powerAfter().currentWatts());
        m.put("allOnWatts", plan.powerAfter().allOnWatts());
        m.put("savedFraction", plan.powerAfter().savedFraction());
        m.put("maxLinkUtilisation", plan.maxLinkUtilisation());
        m.put("demands", plan.demands().size());
        m.put("observedPairs", lastObservedPairs);
        m.put("refused", plan.refusedCount());
        m.put("wakes", new ArrayList<>(a.woken()));
        List<String> sleeps = new ArrayList<>();
        for (SleepRecord r : a.slept()) {
            sleeps.add(r.element());
        }
        m.put("sleeps", sleeps);
        m.put("rulesAdded", plan.ruleDiff().addCount());
        m.put("rulesRemoved", plan.ruleDiff().removeCount());
        m.put("rulesSkipped", a.skippedRules());
        m.put("rulesStale", a.staleRemovals().size());
        m.put("actions", a.describe());
        List<String> v = new ArrayList<>();
        for (Violation x : violations) {
            v.add(x.toString());
        }
        m.put("violations", v);
        return PlanReport.of(m);
    }

    // ---- EbbflowService

    @Override
    public EbbflowStatus status() {
        return call(() -> {
            TopologySnapshot t = topology.snapshot();
            Map<String, SleepRecord> sleeping = state.sleeping();
            int switches = 0;
            for (SleepRecord r : sleeping.values()) {
                if (r.isSwitch()) {
                    switches++;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            NodeId leader = leadershipService.getLeader(TOPIC);
            m.put("node", clusterService.getLocalNode().id().toString());
            m.put("leader", leader == null ? null : leader.toString());
            m.put("isLeader", isLeader());
            m.put("enabled", enabled);
            m.put("dryRun", dryRun);
            m.put("policy", policy);
            m.put("predictor", loop.predictor() == null ? "none" : loop.predictor().name());
            m.put("predictorMode", predictorMode.token());
            if (loop.predictor() instanceof FailoverPredictor) {
                FailoverPredictor f = (FailoverPredictor) loop.predictor();
                m.put("predictorFallbacks", f.fallbackCount());
                m.put("predictorFailing", f.isFailing());
            }
            m.put("switches", t.switchCount());
            m.put("links", t.linkCount());
            m.put("hosts", t.hostCount());
            m.put("asleepSwitches", switches);
            m.put("asleepCables", sleeping.size() - switches);
            m.put("overrides", state.pins().size());
            m.put("demands", state.demands().size());
            m.put("observeFlows", observeFlows);
            m.put("observedPairs", lastObservedPairs);
            m.put("cycles", cycles);
            m.put("lastCycleAtMillis", lastCycleAtMillis);
            m.put("lastCycleMillis", lastCycleMillis);
            m.put("lastOutcome", lastOutcome);
            m.put("lastError", lastError);
            Map<String, Long> samples = new LinkedHashMap<>();
            for (Map.Entry<SampleOutcome, Long> e : stats.outcomes().entrySet()) {
                samples.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
            }
            m.put("samples", samples);
            return EbbflowStatus.of(m);
        });
    }

    @Override
    public PlanReport currentPlan() {
        return state.plan();
    }

    @Override
    public PlanReport plan(boolean dry) {
        return call(() -> {
            long now = clock.getAsLong();
            syncFromCluster(now);
            stats.onCycle(now);
            if (!dry && !isLeader()) {
                PlanReport r = runPlan(true, now);
                Map<String, Object> m = new LinkedHashMap<>(r.toMap());
                m.put("outcome", PlanReport.NOT_LEADER);
                return PlanReport.of(m);
            }
            if (!dry && inFlight != null) {
                return withOutcome(runPlan(true, now), "busy: still applying the plan of " + inFlight.atMillis);
            }
            if (!dry) {
                reconcilePins(now);
            }
            return runPlan(dry || dryRun, now);
        });
    }

    @Override
    public List<LinkForecast> forecasts() {
        return forecasts;
    }

    @Override
    public String sleep(String element) {
        return override(element, ClusterState.PIN_ASLEEP);
    }

    @Override
    public String wake(String element) {
        return override(element, ClusterState.PIN_AWAKE);
    }

    private String override(String element, String pin) {
        String name = canonical(element);
        return call(() -> {
            TopologySnapshot t = topology.snapshot();
            if (transitionFor(name, t) == null) {
                throw new IllegalArgumentException("unknown element: " + name);
            }
            state.pin(name, pin);
            if (isLeader()) {
                reconcilePins(clock.getAsLong());
                return name + " pinned " + pin;
            }
            return name + " pinned " + pin + " (the leader applies it on its next cycle)";
        });
    }

    @Override
    public String release(String element) {
        String name = canonical(element);
        return call(() -> {
            if (!state.unpin(name)) {
                return name + " had no override";
            }
            SleepRecord r = state.sleeping().get(name);
            if (r != null && r.origin() == SleepRecord.Origin.OPERATOR) {
                SleepRecord planner = r.withOrigin(SleepRecord.Origin.PLANNER);
                state.putSleeping(planner);
                markAsleep(planner, true, topology.snapshot(), clock.getAsLong());
                return name + " released: asleep until the planner wakes it";
            }
            return name + " released: the planner decides";
        });
    }

    /** @return the element's canonical name: a device id, or a cable by its smaller direction */
    static String canonical(String element) {
        Objects.requireNonNull(element, "element");
        String e = element.trim().toLowerCase(Locale.ROOT);
        if (e.contains("-of:")) {
            return OnosNames.name(PolicyMemory.cableKey(OnosNames.parseLink(e)));
        }
        return OnosNames.name(OnosNames.parseDevice(e));
    }

    @Override
    public Map<String, String> overrides() {
        return Collections.unmodifiableMap(state.pins());
    }

    @Override
    public List<DeclaredDemand> demands() {
        return state.demands();
    }

    @Override
    public void setDemands(List<DeclaredDemand> demands) {
        state.putDemands(new ArrayList<>(demands));
    }

    /** @return ebbflow's application id (after activation) */
    ApplicationId appId() {
        return appId;
    }

    /** @return the local topology model (tests) */
    TopologyManager topology() {
        return topology;
    }

    /** @return the local statistics (tests) */
    PortStatsCollector stats() {
        return stats;
    }

    private class InternalDeviceListener implements DeviceListener {
        @Override
        public void event(DeviceEvent e) {
            if (e.type() == DeviceEvent.Type.PORT_STATS_UPDATED) {
                DeviceId id = e.subject().id();
                long now = clock.getAsLong();
                execute(() -> stats.acceptAll(OnosStats.samples(id, deviceService.getPortStatistics(id), now)));
            } else {
                execute(() -> discovery.onDeviceEvent(e));
            }
        }
    }

    private class InternalLeadershipListener implements LeadershipEventListener {
        @Override
        public boolean isRelevant(LeadershipEvent e) {
            return TOPIC.equals(e.subject().topic());
        }

        @Override
        public void event(LeadershipEvent e) {
            LOG.info("Leadership of {}: {}", TOPIC, e.subject().leaderNodeId());
        }
    }
}
