/**
 * Baselines every learned model must beat, cheap and always available: {@link
 * org.ebbflow.predictor.baseline.Persistence}, {@link org.ebbflow.predictor.baseline.Ewma}, {@link
 * org.ebbflow.predictor.baseline.Holt} and {@link org.ebbflow.predictor.baseline.SeasonalNaive}. Each forecasts the
 * receive rate ({@code RATE_IN_BPS} channel) and bounds it by the empirical quantile of its own errors inside the
 * window ({@link org.ebbflow.predictor.baseline.ResidualBaseline}).
 */
package org.ebbflow.predictor.baseline;
