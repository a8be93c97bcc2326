package org.ebbflow.sim.report;

import java.io.PrintWriter;
import java.util.List;

import org.ebbflow.sim.SimListener;

/**
 * A progress bar on one console line (stderr) for long runs: redrawn at most twice a second, cleared at the end.
 * Draws nothing when disabled (no console) or for runs of fewer than {@link #MIN_STEPS} steps.
 */
public final class ProgressLine implements SimListener {
    /** Shorter runs get no progress line. */
    public static final int MIN_STEPS = 100;

    private final PrintWriter err;
    private final boolean enabled;
    private int total;
    private long lastDraw;
    private long startNanos;
    private boolean drawn;

    /**
     * @param err where to draw
     * @param enabled whether to draw at all (e.g. only when a console is attached)
     */
    public ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void started(int steps, List<String> policies) {
        total = steps;
        startNanos = System.nanoTime();
    }

    @Override
    public void stepDone(int stepsDone) {
        if (!enabled || total < MIN_STEPS) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 500_000_000L && stepsDone < total) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) ((long) width * stepsDone / Math.max(1, total));
        double elapsed = (now - startNanos) / 1e9;
        double eta = stepsDone == 0 ? 0 : elapsed * (total - stepsDone) / stepsDone;
        StringBuilder bar = new StringBuilder("\rsimulate [");
        for (int i = 0; i < width; i++) {
            bar.append(i < filled ? '=' : ' ');
        }
        bar.append(String.format("] %d/%d steps, %.0f s left ", stepsDone, total, eta));
        err.print(bar);
        err.flush();
        drawn = true;
    }

    @Override
    public void finished() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
