package org.ebbflow.sim.control;

import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.planner.cycle.LinkSeries;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A perfect forecast: before each cycle the simulator's true future link loads ({@link Lookahead#linkLoadsBps}) are
 * handed to it, and it returns them as the forecast's means and upper bounds, in the series order the
 * {@link org.ebbflow.planner.cycle.ControlLoop} uses ({@link LinkSeries}). Put behind the same loop and policy as the
 * predictive policy, it measures what a perfect predictor would gain. Steps beyond the run's end repeat the last
 * known step. Not thread-safe: one per policy run.
 */
public final class OracleForecaster implements TrafficPredictor {
    /** The name in reports. */
    public static final String NAME = "oracle";

    private final FeatureSpec spec;
    private final int horizon;
    private float[] truth = new float[0];
    private int batch;

    /**
     * @param stepMillis the polling step (the windows' and the forecast's step)
     * @param horizon steps ahead, at least 1
     */
    public OracleForecaster(long stepMillis, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1: " + horizon);
        }
        this.spec = FeatureSpec.trafficOnly(1, stepMillis);
        this.horizon = horizon;
    }

    /**
     * Loads the coming steps' true link loads for the next {@link #forecast} call. O(links × horizon).
     *
     * @param t the cycle's snapshot
     * @param registry the statistics' port numbering (decides the loop's series order)
     * @param future the true future, or null (then every value is NaN: unknown)
     */
    void prepare(TopologySnapshot t, PortRegistry registry, Lookahead future) {
        LinkSeries series = LinkSeries.of(t, registry);
        batch = series.size();
        if (truth.length != batch * horizon) {
            truth = new float[batch * horizon];
        }
        int available = future == null ? 0 : Math.min(horizon, future.steps());
        for (int h = 0; h < horizon; h++) {
            double[] loads = available == 0 ? null : future.linkLoadsBps(Math.min(h + 1, available));
            for (int b = 0; b < batch; b++) {
                int l = series.link(b);
                truth[b * horizon + h] = loads == null ? Float.NaN : (float) (l < loads.length ? loads[l] : 0);
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureSpec featureSpec() {
        return spec;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public double quantile() {
        return 0.5;
    }

    @Override
    public Forecast forecast(FeatureWindow window) {
        if (window.batch() != batch) {
            throw new IllegalStateException("the oracle was prepared for " + batch + " series, the window has "
                    + window.batch());
        }
        return Forecast.of(NAME, batch, horizon, 0.5, spec.stepMillis(), truth, truth);
    }
}
