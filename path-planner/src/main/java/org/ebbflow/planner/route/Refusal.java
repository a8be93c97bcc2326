package org.ebbflow.planner.route;

import java.util.Objects;

/** Why one demand was refused: the reason and a one-line detail with the figures. Immutable. */
public final class Refusal {
    private final RefusalReason reason;
    private final String detail;

    /**
     * @param reason the reason
     * @param detail one line with the figures, e.g. the declared rate and the best residual found
     */
    public Refusal(RefusalReason reason, String detail) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** @return the reason */
    public RefusalReason reason() {
        return reason;
    }

    /** @return the figures behind it */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Refusal && reason == ((Refusal) o).reason && detail.equals(((Refusal) o).detail);
    }

    @Override
    public int hashCode() {
        return reason.hashCode() * 31 + detail.hashCode();
    }

    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
