package org.ebbflow.openflow.planning;

/**
 * One planning run of the controller, as reports and tests read it. Immutable.
 *
 * @param atMillis when the run started, on the controller's clock
 * @param topologyVersion the snapshot version it planned on
 * @param demands demands planned (ordered host pairs)
 * @param offeredBps the sum of the demands' measured rates
 * @param awakeSwitches switches awake after the plan
 * @param switches switches in the snapshot
 * @param watts modelled power after the plan
 * @param allOnWatts modelled power with everything awake
 * @param wakes switches and cables woken
 * @param sleeps switches and cables put to sleep
 * @param rulesInstalled flow rules written
 * @param rulesRemoved cookie deletes sent
 * @param maxPlannedUtilisation the largest planned link utilisation
 * @param maxMeasuredUtilisation the largest utilisation the counters showed over the last step (NaN if none)
 * @param refused demands the router refused
 * @param forecastMillis time to read the windows and forecast
 * @param planMillis time for the policy and router
 * @param applyMillis time from the first message to the last barrier (0 when nothing changed)
 * @param outcome {@code applied}, {@code unchanged}, {@code failed} (re-verified next) or {@code error}
 */
public record PlanRecord(long atMillis, long topologyVersion, int demands, double offeredBps, int awakeSwitches,
                         int switches, double watts, double allOnWatts, int wakes, int sleeps, int rulesInstalled,
                         int rulesRemoved, double maxPlannedUtilisation, double maxMeasuredUtilisation, int refused,
                         double forecastMillis, double planMillis, double applyMillis, String outcome) {
}
