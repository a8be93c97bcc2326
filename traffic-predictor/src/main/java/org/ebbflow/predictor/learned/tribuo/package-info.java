/**
 * Tribuo regression trainers on the window's normalised lag features (linear SGD, XGBoost, CART), saved in Tribuo's
 * protobuf form. Only this package (and {@code dl4j}) touches the training libraries, which are optional dependencies
 * of traffic-predictor.
 */
package org.ebbflow.predictor.learned.tribuo;
