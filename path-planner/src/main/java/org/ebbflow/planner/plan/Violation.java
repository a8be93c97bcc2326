package org.ebbflow.planner.plan;

import java.util.Objects;

/** One broken invariant found by {@link PlanVerifier}. Immutable. */
public final class Violation {
    /** The invariants. */
    public enum Kind {
        /** A demand whose endpoints the full topology connects has no path in the active topology. */
        DISCONNECTED_DEMAND,
        /** Two terminals the full topology connects are in different parts of the active topology. */
        PARTITION,
        /** A path is not contiguous from the demand's ingress to its egress, or loops. */
        BROKEN_PATH,
        /** A path crosses a switch or cable that is asleep, failed or disabled after the plan. */
        INACTIVE_ELEMENT_ON_PATH,
        /** A link carries more than the cap of a class it carries. */
        OVER_CLASS_CAP,
        /** A link's guaranteed reservations exceed the reservation cap. */
        OVERBOOKED_RESERVATION,
        /** The plan does not belong to the given topology or demands. */
        MISMATCH
    }

    private final Kind kind;
    private final String message;

    Violation(Kind kind, String message) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** @return which invariant */
    public Kind kind() {
        return kind;
    }

    /** @return what is wrong, naming the element or demand */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Violation && kind == ((Violation) o).kind && message.equals(((Violation) o).message);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + message.hashCode();
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
