package org.ebbflow.flowstats.io;

import java.util.Objects;

/** One row of a trace that did not become a sample or a rate, with where it was and why. Immutable. */
public final class Rejection {
    /** Why a row was rejected. */
    public enum Reason {
        /** A counter field is empty. */
        EMPTY_FIELD,
        /** A counter field is NaN, infinite or not a number. */
        NOT_A_NUMBER,
        /** A counter is negative (counters are cumulative and signed here: the tracker rejects it). */
        NEGATIVE_COUNTER,
        /** A counter is too large to hold exactly after scaling. */
        OUT_OF_RANGE,
        /** The same machine and timestamp again with the same counters: dropped. */
        DUPLICATE,
        /** The same machine and timestamp again with different counters: which is right is unknown, dropped. */
        OUT_OF_ORDER,
        /** A machine the reader was not asked for. */
        UNKNOWN_MACHINE
    }

    private final String source;
    private final long line;
    private final String machine;
    private final String field;
    private final Reason reason;
    private final String detail;

    /**
     * @param field the column at fault, or null if the row as a whole is (a duplicate)
     * @param detail the offending text or a short explanation
     */
    public Rejection(String source, long line, String machine, String field, Reason reason, String detail) {
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.machine = Objects.requireNonNull(machine, "machine");
        this.field = field;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** @return the file's name */
    public String source() {
        return source;
    }

    /** @return the 1-based line number */
    public long line() {
        return line;
    }

    /** @return the machine the row belongs to */
    public String machine() {
        return machine;
    }

    /** @return the column at fault, or null if the row as a whole is */
    public String field() {
        return field;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return the offending text or a short explanation */
    public String detail() {
        return detail;
    }

    /** @return e.g. {@code machine_usage.csv:17: m_1932 net_in: NEGATIVE_COUNTER (-0.5)} */
    public String message() {
        return source + ":" + line + ": " + machine + (field == null ? "" : " " + field) + ": " + reason + " ("
                + detail + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Rejection)) {
            return false;
        }
        Rejection r = (Rejection) o;
        return source.equals(r.source) && line == r.line && machine.equals(r.machine)
                && Objects.equals(field, r.field) && reason == r.reason && detail.equals(r.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, line, machine, field, reason);
    }

    @Override
    public String toString() {
        return message();
    }
}
