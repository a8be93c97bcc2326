/** Benchmarks of the traffic predictors: one forecast of a whole k=48 fat-tree per cycle. */
package org.ebbflow.bench.predictor;
