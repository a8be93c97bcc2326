package org.ebbflow.flowstats.features;

/** What a window does with steps nothing observed (a reset, a lost poll, a port not yet polled). */
public enum MissingPolicy {
    /** Missing values stay NaN: the model layer decides how to fill or mask them. */
    KEEP_NAN,
    /**
     * Each traffic channel carries its last observed value in the window forward over missing steps; the steps filled
     * are counted per series ({@link FeatureWindow#filledSteps}). Missing steps at the start of a window have nothing
     * to carry and stay NaN ({@link FeatureWindow#nanSteps}).
     */
    FORWARD_FILL
}
