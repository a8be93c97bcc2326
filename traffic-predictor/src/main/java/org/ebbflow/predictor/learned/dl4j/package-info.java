/**
 * DeepLearning4J trainers: the multilayer perceptron exported to a plain-Java
 * {@link org.ebbflow.predictor.learned.MlpRegressor} (the default model) and the global LSTM
 * ({@link org.ebbflow.predictor.learned.dl4j.LstmRegressor}, saved with DL4J's {@code ModelSerializer}). Only this
 * package (and {@code tribuo}) touches the training libraries, which are optional dependencies of traffic-predictor.
 * Set {@code OMP_NUM_THREADS=1}.
 */
package org.ebbflow.predictor.learned.dl4j;
