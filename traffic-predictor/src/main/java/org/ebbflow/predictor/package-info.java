/**
 * Traffic predictors: baselines, learned models, training and evaluation (placeholder until its issue lands).
 */
package org.ebbflow.predictor;
