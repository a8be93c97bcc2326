package org.ebbflow.cli;

import java.io.PrintWriter;

import org.ebbflow.predictor.eval.EvaluationListener;

/**
 * A progress line on stderr for long runs: only when stderr is a terminal and the run has at least
 * {@link #MIN_POINTS} points; redrawn at most every half second, cleared when done. Results never go here.
 */
final class ProgressReport implements EvaluationListener, AutoCloseable {
    /** Runs with fewer points finish too fast for a progress line. */
    static final long MIN_POINTS = 20_000;

    private final String task;
    private final PrintWriter err;
    private final boolean enabled;
    private long total;
    private long lastDrawNanos;
    private boolean drawn;

    private ProgressReport(String task, PrintWriter err, boolean enabled) {
        this.task = task;
        this.err = err;
        this.enabled = enabled;
    }

    /** @return a report that draws only when the JVM has a console */
    static ProgressReport forStderr(String task, PrintWriter err) {
        return new ProgressReport(task, err, System.console() != null);
    }

    @Override
    public void started(long points) {
        total = points;
    }

    @Override
    public void progressed(long points) {
        if (!enabled || total < MIN_POINTS) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDrawNanos < 500_000_000L && points < total) {
            return;
        }
        lastDrawNanos = now;
        int width = 30;
        int filled = (int) (width * points / Math.max(1, total));
        StringBuilder bar = new StringBuilder("\r").append(task).append(" [");
        for (int i = 0; i < width; i++) {
            bar.append(i < filled ? '=' : ' ');
        }
        bar.append("] ").append(points).append('/').append(total).append(" points");
        err.print(bar);
        err.flush();
        drawn = true;
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
