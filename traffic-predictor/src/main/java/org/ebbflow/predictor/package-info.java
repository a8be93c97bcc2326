/**
 * Traffic prediction: the {@link org.ebbflow.predictor.TrafficPredictor} interface, its {@link
 * org.ebbflow.predictor.Forecast} (a mean and an upper bound per series and step ahead, in bits per second) and the
 * {@link org.ebbflow.predictor.TimeSeries} values that offline training and evaluation read.
 */
package org.ebbflow.predictor;
