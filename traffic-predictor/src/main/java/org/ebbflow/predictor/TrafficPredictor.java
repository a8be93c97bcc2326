package org.ebbflow.predictor;

import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;

/**
 * Forecasts traffic from feature windows. Implementations are immutable once built (trainers produce them) and
 * thread-safe; a control cycle calls {@link #forecast} once for the whole network.
 */
public interface TrafficPredictor {
    /** @return a short name for reports, e.g. {@code persistence} or {@code lstm} */
    String name();

    /** @return the feature windows this predictor reads: features, window length, step, lags */
    FeatureSpec featureSpec();

    /** @return how many steps ahead each forecast reaches */
    int horizon();

    /** @return the quantile of the upper bounds it produces, e.g. 0.95 */
    double quantile();

    /**
     * Forecasts every series of a batch at once. The target of series b is its receive rate ({@code RATE_IN_BPS})
     * unless the predictor documents otherwise.
     *
     * @param window the recent history of each series, laid out as {@link #featureSpec()} says
     * @return one forecast with as many series as the window, in the same order
     * @throws IllegalArgumentException if the window does not match {@link #featureSpec()}
     */
    Forecast forecast(FeatureWindow window);
}
