package org.ebbflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.junit.jupiter.api.Test;

/** Noisy, lossy, resetting, wrapping counters still go through the production collector without spikes. */
class CounterBehaviourTest {
    @Test
    void misbehavingCountersAreTakenAsARealCollectorTakesThem() {
        CounterOptions bad = new CounterOptions(0.02, 0.05, 0.002, 400, true);
        SimConfig config = SimConfig.defaults(0.5, 2).withCounters(bad);
        Scenario s = Scenario.of("fat-tree:k=4", "synthetic:load=0.2,diurnal=false");
        PolicyResult r = new Simulator(s, config, List.of(new AlwaysOnPolicy())).run(SimListener.NONE)
                .policies().get(0);
        Map<SampleOutcome, Long> o = r.sampleOutcomes();
        long samples = r.samples();
        // About 5% of 80 ports × 361 polls lost.
        assertEquals(0.95 * 80 * 361, samples, 0.02 * 80 * 361);
        assertTrue(o.get(SampleOutcome.RESET) > 10, "resets seen: " + o);
        assertEquals(0, (long) o.get(SampleOutcome.OUT_OF_ORDER), o.toString());
        assertTrue(o.get(SampleOutcome.INCONSISTENT) < samples / 1000, o.toString());
        assertTrue(o.get(SampleOutcome.ACCEPTED) > 0.95 * samples, o.toString());
        assertEquals(1.0, r.summary().energyFraction(), 0);
    }
}
