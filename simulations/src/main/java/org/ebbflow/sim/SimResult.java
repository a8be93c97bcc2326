package org.ebbflow.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulation produced: per policy its results, in run order, and the effective configuration.
 *
 * @param config the settings used
 * @param scenario the topology and traffic
 * @param startMillis the simulated start, epoch milliseconds
 * @param policies per policy, in run order
 * @param wallMillis wall-clock time of the run
 */
public record SimResult(SimConfig config, Scenario scenario, long startMillis, List<PolicyResult> policies,
                        long wallMillis) {
    /** @return the result of the named policy */
    public PolicyResult policy(String name) {
        for (PolicyResult p : policies) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no policy '" + name + "' in this run");
    }

    /** @return the configuration that was in force: scenario, settings with the resolved start, policies */
    public Map<String, Object> effectiveConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.toMap());
        Map<String, Object> c = config.toMap();
        c.put("startMillis", Instant.ofEpochMilli(startMillis).toString());
        m.put("simulation", c);
        m.put("policies", policies.stream().map(PolicyResult::name).toList());
        return m;
    }
}
