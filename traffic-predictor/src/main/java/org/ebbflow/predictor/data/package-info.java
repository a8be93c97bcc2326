/**
 * Data specs: where offline training and evaluation read series from, as one line of text per source
 * ({@link org.ebbflow.predictor.data.DataSpec}, {@link org.ebbflow.predictor.data.DataSpecs}): CSV columns, Abilene
 * origin-destination matrices, FIGRET/Facebook pod matrices, the Alibaba {@code machine_usage} table and ebbflow's
 * own exported port series ({@link org.ebbflow.predictor.data.EbbflowSeriesWriter}). Malformed content is a
 * {@link org.ebbflow.predictor.data.DataFormatException} naming file, line and field; a bad spec is a
 * {@link org.ebbflow.predictor.data.DataSpecException}.
 */
package org.ebbflow.predictor.data;
