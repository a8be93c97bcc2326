package org.ebbflow.planner.optimal;

/** The instance is beyond what the exact MILP solves in reasonable time; the message says which limit it broke. */
public final class InstanceTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message which limit the instance exceeds, with both numbers */
    public InstanceTooLargeException(String message) {
        super(message);
    }
}
