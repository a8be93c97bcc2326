package org.ebbflow.planner.cycle;

import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.policy.LinkLoads;
import org.ebbflow.predictor.Forecast;

/** What one {@link ControlLoop} cycle produced: the plan, the forecast it came from and the cycle's timings. */
public final class CycleResult {
    private final Plan plan;
    private final Forecast forecast;
    private final LinkSeries series;
    private final LinkLoads measured;
    private final long forecastNanos;
    private final long planNanos;

    CycleResult(Plan plan, Forecast forecast, LinkSeries series, LinkLoads measured, long forecastNanos,
                long planNanos) {
        this.plan = plan;
        this.forecast = forecast;
        this.series = series;
        this.measured = measured;
        this.forecastNanos = forecastNanos;
        this.planNanos = planNanos;
    }

    /** @return the plan to apply */
    public Plan plan() {
        return plan;
    }

    /** @return the link forecast, in {@link #series()} order; null for a loop without a predictor */
    public Forecast forecast() {
        return forecast;
    }

    /** @return which link each forecast series describes; null without a predictor */
    public LinkSeries series() {
        return series;
    }

    /** @return the loads counters showed over the last complete step */
    public LinkLoads measured() {
        return measured;
    }

    /** @return time spent reading windows and forecasting, nanoseconds */
    public long forecastNanos() {
        return forecastNanos;
    }

    /** @return time spent planning, nanoseconds */
    public long planNanos() {
        return planNanos;
    }

    @Override
    public String toString() {
        return "CycleResult{" + plan + ", forecast " + (forecast == null ? "none" : forecast.batch() + " series")
                + ", " + forecastNanos / 1_000_000 + "+" + planNanos / 1_000_000 + " ms}";
    }
}
