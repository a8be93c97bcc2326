package org.ebbflow.sim.traffic;

/** A traffic spec that cannot be parsed or used; the message is one line naming the problem. */
public final class TrafficSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public TrafficSpecException(String message) {
        super(message);
    }

    /** @param message one line, @param cause the underlying problem */
    public TrafficSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
