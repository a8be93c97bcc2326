package org.ebbflow.openflow.stats;

/**
 * What one control cycle did: statistics requested from every connected switch, the replies ingested into the
 * port series and flow rates, port states and the series' steps brought up to date, stale links and switches
 * expired. Immutable.
 *
 * @param startedMillis when the poll started, on the controller's clock
 * @param durationMillis from sending the requests to the topology and statistics being updated
 * @param switches switches polled
 * @param portSamples port counter samples ingested
 * @param flowEntries flow entries ingested
 * @param failures requests that failed (switch gone, timeout, error)
 * @param expired topology elements removed as stale
 */
public record ControlCycle(long startedMillis, double durationMillis, int switches, int portSamples, int flowEntries,
                           int failures, int expired) {
}
