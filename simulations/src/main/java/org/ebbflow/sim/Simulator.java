package org.ebbflow.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.PowerReport;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.sim.control.ControlPolicy;
import org.ebbflow.sim.control.Lookahead;
import org.ebbflow.sim.net.EcmpRouting;
import org.ebbflow.sim.net.Fabric;
import org.ebbflow.sim.net.RoutedPaths;
import org.ebbflow.sim.traffic.DemandBatch;
import org.ebbflow.sim.traffic.TaskClass;
import org.ebbflow.sim.traffic.TrafficSource;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow-level simulator: discrete steps of one polling interval; every policy runs side by side on the same
 * traffic (same seed, same arrivals). Each step, for each policy: the step's demands are routed on that policy's
 * current paths over its awake elements, cut where links are oversubscribed, and added to its switches' port
 * counters; at the step's end its production {@link TopologyManager} and {@code PortStatsCollector} take the
 * discovery events and counter samples a controller would, the policy decides, and its decision is applied (sleeps
 * at once, wakes after the wake latency). Metrics are kept per step and per run.
 *
 * <p>The controller's numbering of the topology (the manager's snapshot, switches by datapath id, links by key, hosts
 * by MAC) is the simulator's: traffic, fabric and policies share it.
 */
public final class Simulator {
    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    private final Scenario scenario;
    private final SimConfig config;
    private final List<ControlPolicy> policies;

    /**
     * @param scenario the topology and traffic
     * @param config the settings
     * @param policies the policies to compare, fresh instances, distinct names
     */
    public Simulator(Scenario scenario, SimConfig config, List<ControlPolicy> policies) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("no policy to simulate");
        }
        this.scenario = scenario;
        this.config = config;
        this.policies = List.copyOf(policies);
    }

    /**
     * @return the topology manager's expiry for a step: ONOS's stale-link age, but at least three steps plus the
     *     poll jitter, since links are rediscovered at step ends only
     */
    static long expiryFor(long stepMillis, long jitterMillis) {
        return Math.max(TopologyManager.DEFAULT_EXPIRY_MILLIS, 3 * stepMillis + jitterMillis);
    }

    /**
     * Runs the whole simulation.
     *
     * @param listener progress and per-cycle hooks
     * @return the results
     */
    public SimResult run(SimListener listener) {
        long wallStart = System.nanoTime();
        long start = config.startMillis() != Long.MIN_VALUE ? config.startMillis()
                : scenario.replayStartMillis() != Long.MIN_VALUE ? scenario.replayStartMillis()
                : SimConfig.DEFAULT_START_MILLIS;
        long step = config.stepMillis();
        int steps = config.steps();

        TopologyManager first = new TopologyManager(expiryFor(step, config.counters().jitterMillis()));
        DiscoveryDriver.describe(first, scenario.topology(), start);
        TopologySnapshot canonical = first.snapshot();
        TrafficSource traffic = scenario.traffic(canonical, config.seed(), start, config.durationMillis(), step);
        TopologySnapshot labelled = label(canonical, traffic);
        DiscoveryDriver.describe(first, labelled, start);
        Fabric fabric = Fabric.of(first.snapshot());
        if (fabric.hostCount() != traffic.hostCount()) {
            throw new IllegalStateException("traffic has " + traffic.hostCount() + " hosts, the network "
                    + fabric.hostCount());
        }
        double allOnWatts = allOnWatts(fabric, config.powerModels());

        List<PolicyRun> runs = new ArrayList<>();
        int lookahead = 0;
        for (int i = 0; i < policies.size(); i++) {
            TopologyManager m = first;
            if (i > 0) {
                m = new TopologyManager(expiryFor(step, config.counters().jitterMillis()));
                DiscoveryDriver.describe(m, labelled, start);
            }
            PolicyRun run = new PolicyRun(policies.get(i), config, fabric, m, allOnWatts, start);
            run.initialPoll(start);
            runs.add(run);
            lookahead = Math.max(lookahead, policies.get(i).lookaheadSteps());
        }
        log.info("simulating {} steps of {} ms on {} with {} for {}", steps, step, fabric, traffic.describe(),
                runs.stream().map(PolicyRun::name).toList());
        listener.started(steps, runs.stream().map(PolicyRun::name).toList());

        Ring ring = new Ring(traffic, lookahead + 1, start, step, steps, lookahead > 0 ? fabric : null);
        int threads = config.threads() > 0 ? config.threads()
                : Math.min(runs.size(), Runtime.getRuntime().availableProcessors());
        SimListener shared = threads > 1 ? synchronizedListener(listener) : listener;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ebbflow-sim");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<Callable<Void>> tasks = new ArrayList<>(runs.size());
            for (int i = 0; i < steps; i++) {
                DemandBatch demands = ring.step(i);
                long from = start + i * step;
                long to = from + step;
                int index = i;
                tasks.clear();
                for (PolicyRun run : runs) {
                    Lookahead future = run.policy().lookaheadSteps() > 0
                            ? ring.view(i, run.policy().lookaheadSteps()) : null;
                    tasks.add(() -> {
                        run.simulateStep(demands, from, to, shared);
                        run.cycle(to, index, future, shared);
                        return null;
                    });
                }
                if (pool == null) {
                    for (Callable<Void> t : tasks) {
                        t.call();
                    }
                } else {
                    for (Future<Void> f : pool.invokeAll(tasks)) {
                        f.get();
                    }
                }
                listener.stepDone(i + 1);
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        listener.finished();
        List<PolicyResult> results = new ArrayList<>();
        for (PolicyRun run : runs) {
            results.add(run.result());
        }
        long wall = (System.nanoTime() - wallStart) / 1_000_000;
        log.info("simulated {} steps in {} ms", steps, wall);
        return new SimResult(config, scenario, start, results, wall);
    }

    /** @return the snapshot with each host labelled with its container's class, task and declared rate */
    static TopologySnapshot label(TopologySnapshot t, TrafficSource traffic) {
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(t.version());
        for (int s = 0; s < t.switchCount(); s++) {
            b.addSwitch(t.switchAt(s), t.switchState(s));
            t.portsOf(s).forEach(b::addPort);
        }
        t.links().forEach(b::addLink);
        for (int h = 0; h < t.hostCount(); h++) {
            HostEndpoint e = t.host(h);
            TaskClass c = traffic.taskClass(h);
            double declared = traffic.declaredBps(h);
            b.addHost(e.toBuilder()
                    .label(HostEndpoint.LABEL_WORKLOAD_CLASS, c.token())
                    .label(HostEndpoint.LABEL_TASK, e.name() == null ? "task-" + h : e.name())
                    .label("declaredBps", Double.isNaN(declared) ? null : Long.toString(Math.round(declared)))
                    .build());
        }
        return b.build();
    }

    /** @return the power with every switch awake and every connected port on, as the planner reports it */
    static double allOnWatts(Fabric fabric, PowerModelRegistry models) {
        return PowerReport.of(PowerStates.allAwake(fabric.topology()), models).allOnWatts();
    }

    /** @return the listener with its per-policy calls serialised, for policies stepped on several threads */
    static SimListener synchronizedListener(SimListener l) {
        return new SimListener() {
            @Override
            public synchronized void stepSimulated(String policy, long fromMillis, long toMillis, Fabric fabric,
                                                   org.ebbflow.sim.net.Allocation allocation) {
                l.stepSimulated(policy, fromMillis, toMillis, fabric, allocation);
            }

            @Override
            public synchronized void cycleDone(String policy, long nowMillis, TopologySnapshot topology,
                                               org.ebbflow.flowstats.PortStatsCollector stats) {
                l.cycleDone(policy, nowMillis, topology, stats);
            }
        };
    }

    /** The steps' demands, generated ahead as far as the furthest-looking policy needs. */
    private static final class Ring {
        private final TrafficSource traffic;
        private final DemandBatch[] batches;
        private final double[][] loads;
        private final Fabric fabric;
        private final EcmpRouting shortest;
        private final RoutedPaths paths = new RoutedPaths();
        private final long start;
        private final long step;
        private final int steps;
        private int generated;

        /** @param fabric the network to compute each batch's true link loads on, or null if no policy looks ahead */
        Ring(TrafficSource traffic, int size, long start, long step, int steps, Fabric fabric) {
            this.traffic = traffic;
            this.batches = new DemandBatch[size];
            for (int i = 0; i < size; i++) {
                batches[i] = new DemandBatch(4096);
            }
            this.fabric = fabric;
            this.shortest = fabric == null ? null : EcmpRouting.allUp(fabric);
            this.loads = fabric == null ? null : new double[size][fabric.switchLinkCount()];
            this.start = start;
            this.step = step;
            this.steps = steps;
        }

        DemandBatch step(int i) {
            while (generated <= Math.min(steps - 1, i + batches.length - 1)) {
                DemandBatch b = batches[generated % batches.length];
                traffic.next(start + generated * step, step, b);
                if (fabric != null) {
                    trueLoads(b, loads[generated % batches.length]);
                }
                generated++;
            }
            return batches[i % batches.length];
        }

        /** The batch's offered rate per switch link on shortest paths over the whole network (ECMP). */
        private void trueLoads(DemandBatch b, double[] out) {
            java.util.Arrays.fill(out, 0);
            shortest.routeAll(b, paths);
            int[] links = paths.linkArray();
            int n = out.length;
            for (int e = 0; e < paths.entries(); e++) {
                double bps = b.bps(paths.demand(e)) * paths.share(e);
                int s = paths.start(e);
                for (int i = s; i < s + paths.length(e); i++) {
                    if (links[i] < n) {
                        out[links[i]] += bps;
                    }
                }
            }
        }

        Lookahead view(int current, int wanted) {
            int available = Math.min(wanted, Math.min(batches.length - 1, steps - 1 - current));
            return new Lookahead() {
                @Override
                public int steps() {
                    return available;
                }

                @Override
                public DemandBatch demands(int ahead) {
                    if (ahead < 1 || ahead > available) {
                        throw new IndexOutOfBoundsException("ahead " + ahead + " of " + available);
                    }
                    return batches[(current + ahead) % batches.length];
                }

                @Override
                public long stepStartMillis(int ahead) {
                    return start + (current + ahead) * step;
                }

                @Override
                public double[] linkLoadsBps(int ahead) {
                    if (ahead < 1 || ahead > available) {
                        throw new IndexOutOfBoundsException("ahead " + ahead + " of " + available);
                    }
                    return loads[(current + ahead) % batches.length];
                }
            };
        }
    }
}
