/**
 * Seeded generators of data-center traffic series, shared by training, tests, benchmarks and simulations.
 */
package org.ebbflow.predictor.synthetic;
