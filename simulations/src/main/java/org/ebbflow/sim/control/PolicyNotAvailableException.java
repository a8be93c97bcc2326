package org.ebbflow.sim.control;

/** A policy name that is known but whose implementation has not landed yet, or an unknown name. */
public final class PolicyNotAvailableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public PolicyNotAvailableException(String message) {
        super(message);
    }
}
