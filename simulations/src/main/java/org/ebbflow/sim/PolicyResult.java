package org.ebbflow.sim;

import java.util.Map;

import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.sim.metrics.StepSeries;

/**
 * One policy's results: the summary, the per-step series, the forecast trace if the policy reported forecasts, and
 * how the production collector judged the counter samples.
 *
 * @param summary the figures over the run
 * @param series per step
 * @param forecast one link's forecast against actual, or null
 * @param sampleOutcomes the collector's count of each sample outcome
 * @param samples counter samples sent to the collector
 * @param discoveryEvents discovery events sent to the topology manager after the initial description
 */
public record PolicyResult(PolicySummary summary, StepSeries series, ForecastTrace forecast,
                           Map<SampleOutcome, Long> sampleOutcomes, long samples, long discoveryEvents) {
    /** @return the policy's name */
    public String name() {
        return summary.policy();
    }
}
