package org.ebbflow.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ebbflow.sim.metrics.LinearPowerModel;
import org.ebbflow.sim.metrics.PowerModel;
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
 * @param latencySensitiveCap utilisation cap of links carrying latency-sensitive traffic
 * @param bulkCap cap of links carrying bulk traffic
 * @param guaranteedCap cap of links carrying guaranteed traffic
 * @param powerModel the switches' power
 * @param meanPacketBytes bytes per packet, to derive packet counters
 * @param exportPorts at most this many ports' series are exported per policy (0 = none)
 */
public record SimConfig(long stepMillis, long durationMillis, long seed, long startMillis, long wakeLatencyMillis,
                        CounterOptions counters, CongestionModel congestion, double latencySensitiveCap,
                        double bulkCap, double guaranteedCap, PowerModel powerModel, double meanPacketBytes,
                        int exportPorts) {
    /** The start when neither the configuration nor the traffic gives one: Monday 2024-01-01 00:00 UTC. */
    public static final long DEFAULT_START_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** The default step, ONOS's port-statistics polling interval. */
    public static final long DEFAULT_STEP_MILLIS = 5_000;
    /** The default wake latency: a few seconds. */
    public static final long DEFAULT_WAKE_LATENCY_MILLIS = 3_000;

    /** Checks the fields. */
    public SimConfig {
        if (stepMillis <= 0 || durationMillis < stepMillis || wakeLatencyMillis < 0 || exportPorts < 0
                || !(meanPacketBytes > 0)) {
            throw new IllegalArgumentException("step and duration must be positive (duration at least one step), "
                    + "wake latency and exported ports not negative, packet size positive");
        }
        for (double c : new double[] {latencySensitiveCap, bulkCap, guaranteedCap}) {
            if (!(c > 0 && c <= 1)) {
                throw new IllegalArgumentException("class caps must be in (0, 1]: " + c);
            }
        }
    }

    /** @return defaults for a run of {@code hours} hours with the given seed */
    public static SimConfig defaults(double hours, long seed) {
        long steps = Math.max(1, Math.round(hours * 3_600_000 / DEFAULT_STEP_MILLIS));
        return new SimConfig(DEFAULT_STEP_MILLIS, steps * DEFAULT_STEP_MILLIS, seed, Long.MIN_VALUE,
                DEFAULT_WAKE_LATENCY_MILLIS, CounterOptions.EXACT, CongestionModel.PROPORTIONAL, 0.5, 0.9, 1.0,
                LinearPowerModel.generic48Port(), 1000, 64);
    }

    /** @return the number of steps */
    public int steps() {
        return (int) (durationMillis / stepMillis);
    }

    /** @return the utilisation cap of a class (by ordinal of {@link TaskClass}) */
    public double capOf(int classOrdinal) {
        switch (TaskClass.ofOrdinal(classOrdinal)) {
            case LATENCY_SENSITIVE:
                return latencySensitiveCap;
            case GUARANTEED:
                return guaranteedCap;
            default:
                return bulkCap;
        }
    }

    /** @return a copy with another seed */
    public SimConfig withSeed(long newSeed) {
        return new SimConfig(stepMillis, durationMillis, newSeed, startMillis, wakeLatencyMillis, counters,
                congestion, latencySensitiveCap, bulkCap, guaranteedCap, powerModel, meanPacketBytes, exportPorts);
    }

    /** @return a copy with other counter behaviour */
    public SimConfig withCounters(CounterOptions c) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, c, congestion,
                latencySensitiveCap, bulkCap, guaranteedCap, powerModel, meanPacketBytes, exportPorts);
    }

    /** @return a copy with another congestion model */
    public SimConfig withCongestion(CongestionModel m) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, counters, m,
                latencySensitiveCap, bulkCap, guaranteedCap, powerModel, meanPacketBytes, exportPorts);
    }

    /** @return a copy with another wake latency */
    public SimConfig withWakeLatencyMillis(long millis) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, millis, counters, congestion,
                latencySensitiveCap, bulkCap, guaranteedCap, powerModel, meanPacketBytes, exportPorts);
    }

    /** @return a copy exporting at most {@code ports} ports' series per policy */
    public SimConfig withExportPorts(int ports) {
        return new SimConfig(stepMillis, durationMillis, seed, startMillis, wakeLatencyMillis, counters, congestion,
                latencySensitiveCap, bulkCap, guaranteedCap, powerModel, meanPacketBytes, ports);
    }

    /** @return a copy starting at {@code millis} (epoch) */
    public SimConfig withStartMillis(long millis) {
        return new SimConfig(stepMillis, durationMillis, seed, millis, wakeLatencyMillis, counters, congestion,
                latencySensitiveCap, bulkCap, guaranteedCap, powerModel, meanPacketBytes, exportPorts);
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
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put(TaskClass.LATENCY_SENSITIVE.token(), latencySensitiveCap);
        caps.put(TaskClass.BULK.token(), bulkCap);
        caps.put(TaskClass.GUARANTEED.token(), guaranteedCap);
        m.put("classCaps", caps);
        m.put("powerModel", powerModel.name());
        m.put("meanPacketBytes", meanPacketBytes);
        m.put("exportPorts", exportPorts);
        return m;
    }
}
