package org.ebbflow.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the simulated switches' port counters misbehave, as real ones do. Counters are always cumulative unsigned
 * 64-bit bytes and packets with the switch's port duration.
 *
 * @param noiseSigma relative Gaussian noise on each step's byte increment (0 = exact); increments never go negative
 * @param missedPollProbability probability that a port's reply is lost in a poll
 * @param resetProbability probability per port and step that its counters and duration restart from zero
 * @param jitterMillis largest delay of a reply after the poll (uniform); the control cycle runs after it
 * @param randomStart whether counters start at random 64-bit values (some near the top, so they wrap) instead of 0
 */
public record CounterOptions(double noiseSigma, double missedPollProbability, double resetProbability,
                             long jitterMillis, boolean randomStart) {
    /** Exact counters, every poll answered, no resets, no jitter, counters from 0. */
    public static final CounterOptions EXACT = new CounterOptions(0, 0, 0, 0, false);

    /** Checks the fields. */
    public CounterOptions {
        if (!(noiseSigma >= 0 && noiseSigma < 1) || !(missedPollProbability >= 0 && missedPollProbability < 1)
                || !(resetProbability >= 0 && resetProbability < 1) || jitterMillis < 0) {
            throw new IllegalArgumentException("counter noise, miss and reset probabilities must be in [0, 1), "
                    + "jitter not negative");
        }
    }

    /** @return the fields by name, for the effective configuration */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noiseSigma", noiseSigma);
        m.put("missedPollProbability", missedPollProbability);
        m.put("resetProbability", resetProbability);
        m.put("jitterMillis", jitterMillis);
        m.put("randomStart", randomStart);
        return m;
    }
}
