/**
 * Evaluation of {@link org.ebbflow.predictor.TrafficPredictor}s on held-out series: rolling-origin forecasts over
 * the last part in time of each series, every predictor on the same values ({@link
 * org.ebbflow.predictor.eval.Evaluator}), with MAE, RMSE, NMAE, coverage of the upper bound and its excess, overall
 * and per step ahead ({@link org.ebbflow.predictor.eval.Metrics}).
 */
package org.ebbflow.predictor.eval;
