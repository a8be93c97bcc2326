package org.ebbflow.sim.metrics;

import java.util.Locale;

import org.ebbflow.topology.SwitchInfo;

/**
 * Chassis plus a figure per active port, the shape measured by Mahadevan et al. (IFIP Networking 2009) and used by
 * ElasticTree. The default, {@link #generic48Port()}, is 150 W chassis and 1 W per port, asleep 0 W: a 48-port data-
 * center switch at the chassis-heavy end of the published 70–150 W idle and 1–2 W per port, close to ElasticTree's
 * own switch (anchors §1), and the planner's default. Immutable.
 */
public final class LinearPowerModel implements PowerModel {
    private static final LinearPowerModel GENERIC_48P = new LinearPowerModel("generic-48p", 150, 1, 0);

    private final String name;
    private final double chassisWatts;
    private final double portWatts;
    private final double asleepWatts;

    private LinearPowerModel(String name, double chassisWatts, double portWatts, double asleepWatts) {
        if (!(chassisWatts >= 0 && portWatts >= 0 && asleepWatts >= 0)) {
            throw new IllegalArgumentException("watts must not be negative");
        }
        this.name = name;
        this.chassisWatts = chassisWatts;
        this.portWatts = portWatts;
        this.asleepWatts = asleepWatts;
    }

    /** @return 150 W chassis, 1 W per active port, 0 W asleep */
    public static LinearPowerModel generic48Port() {
        return GENERIC_48P;
    }

    /**
     * @param chassisWatts watts while awake with every port off
     * @param portWatts watts per active port
     * @param asleepWatts watts while asleep
     */
    public static LinearPowerModel of(double chassisWatts, double portWatts, double asleepWatts) {
        return new LinearPowerModel(String.format(Locale.ROOT, "linear(%s W + %s W/port, asleep %s W)",
                chassisWatts, portWatts, asleepWatts), chassisWatts, portWatts, asleepWatts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double awakeWatts(SwitchInfo sw, int activePorts) {
        return chassisWatts + portWatts * activePorts;
    }

    @Override
    public double asleepWatts(SwitchInfo sw) {
        return asleepWatts;
    }

    @Override
    public String toString() {
        return name;
    }
}
