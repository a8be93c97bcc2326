/**
 * Model inputs from port rate series: the four traffic features of the method (bytes in, bytes out, in-rate,
 * out-rate per step), time-of-day and day-of-week encodings and lagged copies, laid out for a model in one primitive
 * array per batch ({@link org.ebbflow.flowstats.features.FeatureWindow}), plus the normalisers fitted on training data
 * and saved with the model that used them.
 *
 * <p>Two sources produce the same windows: a live {@link org.ebbflow.flowstats.SeriesStore} per port or per link
 * ({@link org.ebbflow.flowstats.features.FeatureExtractor}) and plain rate arrays read from files, with sliding
 * windows and forecast targets for training ({@link org.ebbflow.flowstats.features.SeriesFeatures}). A
 * {@link org.ebbflow.flowstats.features.FeatureSpec} says what a window holds; its text form is what a model file
 * records, so a model and its inputs cannot drift apart.
 */
package org.ebbflow.flowstats.features;
