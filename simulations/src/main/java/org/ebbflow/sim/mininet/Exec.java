package org.ebbflow.sim.mininet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short system command with a timeout and returns its output (stdout and stderr merged). */
final class Exec {
    private Exec() {
    }

    /** The outcome of a command: exit code (-1 on timeout or failure to start) and output. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static Result run(List<String> command, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        try {
            p.getOutputStream().close();
            InputStream in = p.getInputStream();
            byte[] out = in.readNBytes(1 << 20);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            p.destroyForcibly();
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
