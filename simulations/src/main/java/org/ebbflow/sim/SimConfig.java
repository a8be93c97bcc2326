package org.ebbflow.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ebbflow.planner.demand.ClassCaps;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.power.PowerModelRegistry;
import org.ebbflow.planner.power.SwitchPowerModel;
import org.ebbflow.sim.net.CongestionModel;
import org.ebbflow.sim.traffic.TaskClass;

/**
 * The simulator's settings. Times in milliseconds, rates in bits per second.
 *
 * @param stepMillis the simulation step: the polling interval and control period
 * @param durationMillis the simulated time, a whole number of steps
 * @param seed the seed of traffic and counter noise
 * @param startMillis the start, epoch milliseconds; {@link Long#MIN_VALUE} = the traffic's own start (a replay's first
 *     record) or {@link #DEFAULT_START_MILLIS}
 * @param wakeLatencyMillis time from a wake command until the element forwards
 * @param counters counter behaviour
 * @param congestion how oversubscribed links cut rates
 * @param caps utilisation caps per class (the planner's, so SLA accounting and planning use the same figures)
 * @param powerModels the switches' power (the planner's registry: one place for watts); their wake latencies are
 *     replaced by {@code wakeLatencyMillis} for planning, see {@link #plannerPowerModels()}
 * @param meanPacketBytes bytes per packet, to derive packet counters
 * @param exportPorts at most this many ports' series are exported per policy (0 = none)
 * @param threads worker threads that step policies in parallel (0 = one per policy, at most the available
 *     processors); results do not depend on it
 */
public record SimConfig(long stepMillis, long durationMillis, long seed, long startMillis, long wakeLatencyMillis,
                        CounterOptions counters, CongestionModel congestion, ClassCaps caps,
                        PowerModelRegistry powerModels, double meanPacketBytes, int exportPorts, int threads) {
    /** The start when neither the configuration nor the traffic gives one: Monday 2024-01-01 00:00 UTC. */
    public static final long DEFAULT_START_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** The default step, ONOS's port-statistics polling interval. */
    public static final long DEFAULT_STEP_MILLIS = 5_000;
    /** The default wake latency: a few seconds. */
    public static final long DEFAULT_WAKE_LATENCY_MILLIS = 3_000;

    /** Checks the fields. */
    public SimConfig {
        if (stepMillis <= 0 || durationMillis < stepMillis || wakeLatencyMillis < 0 || exportPorts < 0
                || !(meanPacketBytes > 0) || threads < 0) {
            throw new IllegalArgumentException("step and duration must be positive (duration at least one step), "
                    + "wake latency, exported ports and threads not negative, packet size positive");
        }
        if (caps == null || powerModels == null) {
            throw new IllegalArgumentException("caps and power models are required");
        }
    }

    /** @return defaults for a run of {@code hours} hours with the given seed */
    public static SimConfig defaults(double hours, long seed) {
        long steps = Math.max(1, Math.round(hours * 3_600_000 / DEFAULT_STEP_MILLIS));
        return new SimConfig(DEFAULT_STEP_MILLIS, steps * DEFAULT_STEP_MILLIS, seed, Long.MIN_VALUE,
                DEFAULT_WAKE_LATENCY_MILLIS, CounterOptions.EXACT, CongestionModel.PROPORTIONAL, ClassCaps.defaults(),
                PowerModelRegistry.defaults(), 1000, 64, 0);
    }

    /** @return the number of steps */
    public int steps() {
        return (int) (durationMillis / stepMillis);
    }

    /** @return the utilisation cap of a class (by ordinal of {@link TaskClass}) */
    public double capOf(int classOrdinal) {
        return caps.cap(TaskClass.ofOrdinal(classOrdinal).demandClass());
    }

    /**
     * @return the power models with every model's wake latency set to this configuration's, as the planner's
     *     policies must see it (their wake lead time follows from it)
     */
    public PowerModelRegistry plannerPowerModels() {
        PowerModelRegistry.Builder b = powerModels.toBuilder();
        for (SwitchPowerModel m : powerModels.models().values()) {
            b.add(SwitchPowerModel.of(m.key(), m.chassisWatts(), m.portWatts(), m.sleepWatts(), wakeLatencyMillis));
        }
        return b.build();
    }

    /** @return the options the planner's policies are built with: this step, wake latency, caps and power models */
    public org.ebbflow.sim.control.PolicyOptions policyOptions() {
        return org.ebbflow.sim.control.PolicyOptions.defaults(stepMillis, plannerPowerModels(), caps);
    }

    /** @return a copy with another seed */
    public SimConfig withSeed(long newSeed) {
        return new SimConfig(stepMillis, durationMillis, newSeed, startMillis, wakeLatencyMillis, counters,
                congestion, caps, powerModels, meanPacketBytes, exportPorts, threads);
    }

    /** @return a copy with other counter behaviour */
    public SimConfig withCounters(CounterOptions c) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, c, congestion,
                caps, powerModels, meanPacketBytes, exportPorts, threads);
    }

    /** @return a copy with another congestion model */
    public SimConfig withCongestion(CongestionModel m) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, counters, m,
                caps, powerModels, meanPacketBytes, exportPorts, threads);
    }

    /** @return a copy with another wake latency */
    public SimConfig withWakeLatencyMillis(long millis) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, millis, counters, congestion,
                caps, powerModels, meanPacketBytes, exportPorts, threads);
    }

    /** @return a copy exporting at most {@code ports} ports' series per policy */
    public SimConfig withExportPorts(int ports) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, counters, congestion,
                caps, powerModels, meanPacketBytes, ports, threads);
    }

    /** @return a copy with other power models */
    public SimConfig withPowerModels(PowerModelRegistry models) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, counters, congestion,
                caps, models, meanPacketBytes, exportPorts, threads);
    }

    /** @return a copy with another number of worker threads (0 = automatic) */
    public SimConfig withThreads(int n) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, counters, congestion,
                caps, powerModels, meanPacketBytes, exportPorts, n);
    }

    /** @return a copy with another step and the same duration rounded to whole steps */
    public SimConfig withStepMillis(long step) {
        long steps = Math.max(1, Math.round((double) durationMillis / step));
        return new SimConfig(step, steps * step, seed, startMillis, wakeLatencyMillis, counters, congestion,
                caps, powerModels, meanPacketBytes, exportPorts, threads);
    }

    /** @return a copy with other class caps */
    public SimConfig withCaps(ClassCaps c) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, counters, congestion,
                c, powerModels, meanPacketBytes, exportPorts, threads);
    }

    /** @return a copy starting at {@code millis} (epoch) */
    public SimConfig withStartMillis(long millis) {
        return new SimConfig(stepMillis, durationMillis, seed, millis, wakeLatencyMillis, counters, congestion,
                caps, powerModels, meanPacketBytes, exportPorts, threads);
    }

    /** @return the settings by name, for the effective configuration */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stepMillis", stepMillis);
        m.put("durationMillis", durationMillis);
        m.put("steps", steps());
        m.put("seed", seed);
        m.put("startMillis", startMillis == Long.MIN_VALUE ? "auto" : Instant.ofEpochMilli(startMillis).toString());
        m.put("wakeLatencyMillis", wakeLatencyMillis);
        m.put("counters", counters.toMap());
        m.put("congestion", congestion.token());
        Map<String, Object> capMap = new LinkedHashMap<>();
        for (DemandClass c : DemandClass.values()) {
            capMap.put(c.token(), caps.cap(c));
        }
        m.put("classCaps", capMap);
        m.put("powerModels", powerModels.toString());
        m.put("meanPacketBytes", meanPacketBytes);
        m.put("exportPorts", exportPorts);
        m.put("threads", threads);
        return m;
    }
}
