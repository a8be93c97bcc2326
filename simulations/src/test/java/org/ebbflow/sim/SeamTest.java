package org.ebbflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ebbflow.predictor.Forecast;
import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.ebbflow.sim.control.ControlCycle;
import org.ebbflow.sim.control.ControlDecision;
import org.ebbflow.sim.control.ControlPolicy;
import org.ebbflow.sim.control.Lookahead;
import org.ebbflow.sim.report.Plots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the seam gives policies: the future for oracles, measured rates, and forecasts traced into the report. */
class SeamTest {
    private static SimResult result;
    private static final Oracle ORACLE = new Oracle();
    private static final Persistence PERSISTENCE = new Persistence();

    @BeforeAll
    static void run() {
        Scenario s = Scenario.of("fat-tree:k=4", "synthetic:load=0.2,diurnal=false");
        result = new Simulator(s, SimConfig.defaults(0.25, 4), List.of(new AlwaysOnPolicy(), ORACLE, PERSISTENCE))
                .run(SimListener.NONE);
    }

    @Test
    void anOracleSeesExactlyTheComingSteps() {
        var series = result.policy("oracle").series();
        for (int i = 0; i + 1 < series.size(); i++) {
            assertEquals(series.offeredBps(i + 1), ORACLE.nextTotal.get(i), 1e-6 * series.offeredBps(i + 1));
        }
        assertEquals(3, (int) ORACLE.available.get(0));
        assertEquals(0, (int) ORACLE.available.get(series.size() - 1), "nothing beyond the run");
        assertNull(PERSISTENCE.sawFuture, "a non-oracle gets no future");
    }

    @Test
    void forecastsAreTracedAgainstWhatTheLinkCarried() throws IOException {
        ForecastTrace t = result.policy("persistence").forecast();
        assertTrue(t.size() > 150, "points " + t.size());
        int close = 0;
        for (int i = 1; i < t.size(); i++) {
            // Persistence: the forecast of step i is what the collector measured in step i - 1.
            close += Math.abs(t.meanBps(i) - t.actualBps(i - 1)) <= 1e-3 * t.actualBps(i - 1) + 8 ? 1 : 0;
        }
        assertEquals(t.size() - 1, close);
        Map<String, byte[]> plots = Plots.render(result);
        assertTrue(plots.containsKey("forecast-persistence.png"));
    }

    /** Looks three steps ahead and records the next step's total. */
    private static final class Oracle implements ControlPolicy {
        final List<Double> nextTotal = new ArrayList<>();
        final List<Integer> available = new ArrayList<>();

        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public int lookaheadSteps() {
            return 3;
        }

        @Override
        public ControlDecision decide(ControlCycle cycle) {
            Lookahead f = cycle.future();
            available.add(f.steps());
            if (f.steps() > 0) {
                nextTotal.add(f.demands(1).totalBps());
                assertEquals(cycle.nowMillis(), f.stepStartMillis(1));
            }
            return ControlDecision.keepAll();
        }
    }

    /** Forecasts every link's next step as its measured rate. */
    private static final class Persistence implements ControlPolicy {
        Object sawFuture;

        @Override
        public String name() {
            return "persistence";
        }

        @Override
        public ControlDecision decide(ControlCycle cycle) {
            if (cycle.future() != null) {
                sawFuture = cycle.future();
            }
            double[] m = cycle.measuredLinkBps();
            float[] mean = new float[m.length];
            int[] links = new int[m.length];
            for (int l = 0; l < m.length; l++) {
                mean[l] = (float) m[l];
                links[l] = l;
            }
            Forecast f = Forecast.of("persistence", m.length, 1, 0.9, cycle.stepMillis(), mean, mean);
            return ControlDecision.builder().forecast(f, links).build();
        }
    }
}
