/**
 * Forecasts from a model served by another process ({@code ebbflow serve-model}): the JSON protocol both sides speak
 * ({@link org.ebbflow.predictor.remote.ForecastProtocol}), the HTTP client ({@link org.ebbflow.predictor.remote.RemotePredictor})
 * and a predictor that falls back, loudly, to an in-process baseline whenever the server cannot answer
 * ({@link org.ebbflow.predictor.remote.FailoverPredictor}). Lets a process that cannot load DL4J or Tribuo (an
 * OSGi bundle inside ONOS) use the same model files as the CLI.
 */
package org.ebbflow.predictor.remote;
