package org.ebbflow.planner.power;

import org.ebbflow.topology.TopologySnapshot;

/**
 * Power figures per switch of one snapshot, in flat arrays for inner loops: what waking a switch or a link costs in
 * watts. Immutable; build it with {@link PowerModelRegistry#resolve(TopologySnapshot)}.
 */
public final class SwitchPowerTable {
    private final double[] chassisWatts;
    private final double[] portWatts;
    private final double[] sleepWatts;
    private final long[] wakeLatencyMillis;

    SwitchPowerTable(TopologySnapshot topology, PowerModelRegistry registry) {
        int n = topology.switchCount();
        chassisWatts = new double[n];
        portWatts = new double[n];
        sleepWatts = new double[n];
        wakeLatencyMillis = new long[n];
        for (int s = 0; s < n; s++) {
            SwitchPowerModel m = registry.modelFor(topology.switchAt(s));
            chassisWatts[s] = m.chassisWatts();
            portWatts[s] = m.portWatts();
            sleepWatts[s] = m.sleepWatts();
            wakeLatencyMillis[s] = m.wakeLatencyMillis();
        }
    }

    /** @return the number of switches covered */
    public int switchCount() {
        return chassisWatts.length;
    }

    /** @return chassis watts of switch {@code s} */
    public double chassisWatts(int s) {
        return chassisWatts[s];
    }

    /** @return watts per active port of switch {@code s} */
    public double portWatts(int s) {
        return portWatts[s];
    }

    /** @return watts of switch {@code s} while asleep */
    public double sleepWatts(int s) {
        return sleepWatts[s];
    }

    /** @return milliseconds switch {@code s} needs to wake */
    public long wakeLatencyMillis(int s) {
        return wakeLatencyMillis[s];
    }

    /** @return the watts saved by keeping switch {@code s} asleep rather than awake with no port on */
    public double chassisSavingWatts(int s) {
        return chassisWatts[s] - sleepWatts[s];
    }

    /** @return the largest wake latency of any switch, 0 if there are none */
    public long maxWakeLatencyMillis() {
        long max = 0;
        for (long v : wakeLatencyMillis) {
            max = Math.max(max, v);
        }
        return max;
    }
}
