package org.ebbflow.sim.metrics;

import org.ebbflow.topology.SwitchInfo;

/**
 * Watts a switch draws in the simulator. Replaceable: the planner's power-model registry plugs in behind this
 * interface once it lands.
 */
public interface PowerModel {
    /** @return a name for reports */
    String name();

    /**
     * @param sw the switch
     * @param activePorts ports on (connected to an awake link or a host)
     * @return watts drawn while awake (or waking)
     */
    double awakeWatts(SwitchInfo sw, int activePorts);

    /** @return watts drawn while asleep */
    double asleepWatts(SwitchInfo sw);
}
