/**
 * Learned traffic predictors: per-window normalised features ({@link org.ebbflow.predictor.learned.WindowFeatures}),
 * trainers that fit a {@link org.ebbflow.predictor.learned.Regressor} by time-split training
 * ({@link org.ebbflow.predictor.learned.ModelTraining}), split-conformal upper bounds
 * ({@link org.ebbflow.predictor.learned.Calibration}), the immutable
 * {@link org.ebbflow.predictor.learned.LearnedPredictor}, and model files with provenance
 * ({@link org.ebbflow.predictor.learned.ModelFiles}). Code that needs DL4J or Tribuo lives in the {@code dl4j} and
 * {@code tribuo} subpackages only; this package and the default model run on plain Java.
 */
package org.ebbflow.predictor.learned;
