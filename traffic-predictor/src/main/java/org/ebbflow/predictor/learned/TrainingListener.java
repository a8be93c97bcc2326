package org.ebbflow.predictor.learned;

/**
 * Hears how training goes, e.g. to draw a progress bar. Called on the training thread; every method does nothing
 * by default.
 */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * A phase starts, e.g. {@code epoch 3} or {@code xgboost}.
     *
     * @param name what it is
     * @param totalSteps how many {@link #progress} steps it will report, or -1 if unknown
     */
    default void phaseStarted(String name, long totalSteps) {
    }

    /** @param done steps done in the current phase */
    default void progress(long done) {
    }

    /**
     * A phase ended.
     *
     * @param message a short result, e.g. {@code train 0.41 validation 0.39}
     */
    default void phaseEnded(String message) {
    }
}
