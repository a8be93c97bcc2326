package org.ebbflow.sim.mininet;

/** A Mininet run could not start, a command failed or timed out, or the script died. */
public final class MininetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, with the run id */
    public MininetException(String message) {
        super(message);
    }

    /** @param message what went wrong, with the run id */
    public MininetException(String message, Throwable cause) {
        super(message, cause);
    }
}
