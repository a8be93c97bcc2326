package org.ebbflow.predictor.eval;

/** Hears how far an evaluation has come, e.g. to draw a progress bar. Called on the evaluating thread. */
public interface EvaluationListener {
    /** A listener that does nothing. */
    EvaluationListener NONE = new EvaluationListener() {
        @Override
        public void started(long points) {
        }

        @Override
        public void progressed(long points) {
        }
    };

    /** @param points the number of forecast points (series times origins) the evaluation will score */
    void started(long points);

    /** @param points the number of points done so far */
    void progressed(long points);
}
