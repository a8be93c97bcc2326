package org.ebbflow.sim.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One policy's results over a run. Energies in kWh, rates in bits per second, volumes in bytes, times in
 * milliseconds. Utilisation is what a switch link carried over its capacity (at most 1, since congestion cuts what
 * does not fit); offered load is what the link was offered over its capacity (it may exceed 1: that is congestion).
 *
 * @param policy the policy's name
 * @param steps simulated steps
 * @param hours simulated hours
 * @param energyKWh the network's energy
 * @param allOnEnergyKWh the energy with every switch and port on, same power model
 * @param energyFraction energy over all-on energy
 * @param meanWatts mean power
 * @param meanSwitchesAsleep mean number of switches asleep
 * @param maxSwitchesAsleep most switches asleep in one step
 * @param meanCablesAsleep mean number of cables asleep
 * @param offeredBytes demand offered over the run
 * @param deliveredBytes demand delivered end to end
 * @param undeliveredFraction 1 - delivered / offered (lost to sleeping elements, congestion, missing routes)
 * @param unroutedFraction the part of the demand that had no route at all
 * @param slaViolationLinkSeconds link-seconds a switch link spent above the cap of a class it carried
 * @param p99LinkUtilization 99th percentile of powered switch-link utilisation over all steps
 * @param maxLinkUtilization largest switch-link utilisation (carried over capacity, at most 1)
 * @param maxOfferedLoad largest switch-link offered load over capacity (above 1 where congestion cut traffic)
 * @param switchTransitions switch sleeps plus wakes
 * @param cableTransitions cable sleeps plus wakes
 * @param transitionsPerHour all transitions per simulated hour
 * @param ruleChanges flow-rule changes (hops of paths that changed)
 * @param ruleChangesPerHour the same per simulated hour
 * @param partitionedSteps steps in which some demand had no route
 * @param meanCycleMillis mean wall time of the policy's decision
 * @param maxCycleMillis longest decision
 */
public record PolicySummary(String policy, long steps, double hours, double energyKWh, double allOnEnergyKWh,
                            double energyFraction, double meanWatts, double meanSwitchesAsleep,
                            int maxSwitchesAsleep, double meanCablesAsleep, double offeredBytes,
                            double deliveredBytes, double undeliveredFraction, double unroutedFraction,
                            double slaViolationLinkSeconds, double p99LinkUtilization, double maxLinkUtilization,
                            double maxOfferedLoad,
                            long switchTransitions, long cableTransitions, double transitionsPerHour,
                            long ruleChanges, double ruleChangesPerHour, long partitionedSteps,
                            double meanCycleMillis, double maxCycleMillis) {

    /**
     * @param includeTiming whether to include the wall-clock figures (they differ from run to run)
     * @return the fields by JSON name, the required ones first
     */
    public Map<String, Object> toMap(boolean includeTiming) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energyFraction", energyFraction);
        m.put("energyKWh", energyKWh);
        m.put("slaViolationLinkSeconds", slaViolationLinkSeconds);
        m.put("undeliveredFraction", undeliveredFraction);
        m.put("transitionsPerHour", transitionsPerHour);
        m.put("ruleChangesPerHour", ruleChangesPerHour);
        m.put("maxLinkUtilization", maxLinkUtilization);
        m.put("p99LinkUtilization", p99LinkUtilization);
        m.put("maxOfferedLoad", maxOfferedLoad);
        m.put("allOnEnergyKWh", allOnEnergyKWh);
        m.put("meanWatts", meanWatts);
        m.put("meanSwitchesAsleep", meanSwitchesAsleep);
        m.put("maxSwitchesAsleep", maxSwitchesAsleep);
        m.put("meanCablesAsleep", meanCablesAsleep);
        m.put("offeredBytes", offeredBytes);
        m.put("deliveredBytes", deliveredBytes);
        m.put("unroutedFraction", unroutedFraction);
        m.put("switchTransitions", switchTransitions);
        m.put("cableTransitions", cableTransitions);
        m.put("ruleChanges", ruleChanges);
        m.put("partitionedSteps", partitionedSteps);
        m.put("steps", steps);
        m.put("hours", hours);
        if (includeTiming) {
            m.put("meanCycleMillis", meanCycleMillis);
            m.put("maxCycleMillis", maxCycleMillis);
        }
        return m;
    }
}
