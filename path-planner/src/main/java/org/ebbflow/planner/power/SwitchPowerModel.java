package org.ebbflow.planner.power;

import java.util.Objects;

/**
 * The power drawn by one switch model: a fixed chassis figure while awake, plus a figure per active port, plus a
 * (usually small) figure while asleep, and how long it takes to wake. The linear chassis-plus-ports shape is the one
 * measured by Mahadevan et al. (IFIP Networking 2009) and used by ElasticTree (Heller et al., NSDI 2010). Immutable.
 */
public final class SwitchPowerModel {
    private final String key;
    private final double chassisWatts;
    private final double portWatts;
    private final double sleepWatts;
    private final long wakeLatencyMillis;

    private SwitchPowerModel(String key, double chassisWatts, double portWatts, double sleepWatts,
                             long wakeLatencyMillis) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("power model key must not be blank");
        }
        check("chassis watts", chassisWatts);
        check("watts per port", portWatts);
        check("sleep watts", sleepWatts);
        if (wakeLatencyMillis < 0) {
            throw new IllegalArgumentException("wake latency must not be negative: " + wakeLatencyMillis);
        }
        if (sleepWatts > chassisWatts) {
            throw new IllegalArgumentException("sleep watts " + sleepWatts + " above chassis watts " + chassisWatts
                    + " for power model " + key);
        }
        this.chassisWatts = chassisWatts;
        this.portWatts = portWatts;
        this.sleepWatts = sleepWatts;
        this.wakeLatencyMillis = wakeLatencyMillis;
    }

    private static void check(String what, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(what + " must be finite and not negative: " + v);
        }
    }

    /**
     * @param key the model key switches name in {@code SwitchInfo.powerModelKey()}
     * @param chassisWatts watts drawn while awake with every port off
     * @param portWatts extra watts per active port
     * @param sleepWatts watts drawn while asleep, at most {@code chassisWatts}
     * @param wakeLatencyMillis milliseconds from the wake command until the switch forwards
     * @throws IllegalArgumentException if a figure is negative or not finite, or sleep exceeds the chassis figure
     */
    public static SwitchPowerModel of(String key, double chassisWatts, double portWatts, double sleepWatts,
                                      long wakeLatencyMillis) {
        return new SwitchPowerModel(key, chassisWatts, portWatts, sleepWatts, wakeLatencyMillis);
    }

    /** @return the model key */
    public String key() {
        return key;
    }

    /** @return watts drawn while awake with every port off */
    public double chassisWatts() {
        return chassisWatts;
    }

    /** @return extra watts per active port */
    public double portWatts() {
        return portWatts;
    }

    /** @return watts drawn while asleep */
    public double sleepWatts() {
        return sleepWatts;
    }

    /** @return milliseconds from the wake command until the switch forwards traffic */
    public long wakeLatencyMillis() {
        return wakeLatencyMillis;
    }

    /** @return watts drawn while awake with {@code activePorts} ports on */
    public double awakeWatts(int activePorts) {
        return chassisWatts + portWatts * activePorts;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SwitchPowerModel)) {
            return false;
        }
        SwitchPowerModel m = (SwitchPowerModel) o;
        return key.equals(m.key) && chassisWatts == m.chassisWatts && portWatts == m.portWatts
                && sleepWatts == m.sleepWatts && wakeLatencyMillis == m.wakeLatencyMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, chassisWatts, portWatts, sleepWatts, wakeLatencyMillis);
    }

    @Override
    public String toString() {
        return key + "{chassis " + chassisWatts + " W, " + portWatts + " W/port, asleep " + sleepWatts + " W, wake "
                + wakeLatencyMillis + " ms}";
    }
}
