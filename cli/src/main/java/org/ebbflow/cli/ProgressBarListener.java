package org.ebbflow.cli;

import java.io.PrintStream;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ebbflow.predictor.learned.TrainingListener;

/** Draws a progress bar on stderr per training phase (epoch, boosting, calibration) and prints its result. */
final class ProgressBarListener implements TrainingListener {
    private final PrintStream err;
    private ProgressBar bar;
    private String phase;

    ProgressBarListener(PrintStream err) {
        this.err = err;
    }

    @Override
    public void phaseStarted(String name, long totalSteps) {
        close();
        phase = name;
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(totalSteps).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250).continuousUpdate()
                .build();
    }

    @Override
    public void progress(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void phaseEnded(String message) {
        close();
        err.println(phase + ": " + message);
        err.flush();
    }

    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
