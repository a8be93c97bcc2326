/**
 * Learned traffic predictors: per-window normalised features ({@link org.ebbflow.predictor.learned.WindowFeatures}),
 * trainers that fit a {@link org.ebbflow.predictor.learned.Regressor} by time-split training
 * ({@link org.ebbflow.predictor.learned.ModelTraining}), split-conformal upper bounds
 * ({@link org.ebbflow.predictor.learned.Calibration}), the immutable
 * {@link org.ebbflow.predictor.learned.LearnedPredictor}, and model files with provenance
 * ({@link org.ebbflow.predictor.learned.ModelFiles}). Code that needs DL4J or Tribuo lives in the {@code dl4j} and
 * {@code tribuo} subpackages only; this package and the default model run on plain Java.
 *
 * <p><b>Task classes.</b> When training series carry a task or workload class ({@code TimeSeries.taskClass()}: the
 * ebbflow export's class column, {@code synthetic:...,classes=web+batch}), every class seen becomes a one-hot input,
 * so one model learns per-class behaviour while sharing everything else. At inference the classes are passed with
 * {@link org.ebbflow.predictor.learned.LearnedPredictor#forecast(org.ebbflow.flowstats.features.FeatureWindow,
 * java.util.List)}; a series of no class or an unknown one has every class input 0 (the plain
 * {@code forecast(window)} does that for all). A model trained on classless series has no class inputs.
 *
 * <p><b>Multi-step.</b> Every model is direct multi-output: one regressor predicts steps 1..H at once (Tribuo: one
 * output dimension per step). Compared with one model per step it is one pass at inference and the steps share what
 * they learn; compared with a recursive model, errors do not feed back into later steps.
 */
package org.ebbflow.predictor.learned;
