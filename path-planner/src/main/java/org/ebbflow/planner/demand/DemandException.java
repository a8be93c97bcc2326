package org.ebbflow.planner.demand;

/**
 * A demand that cannot be planned as given: an unknown host or switch, a negative rate, an unknown class, a
 * malformed line. The message is one line and names where the problem is ({@code line 7: ...} for files,
 * {@code demand 12: ...} for demands built in code).
 */
public final class DemandException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * @param line the 1-based line of the input, or 0 if the demand did not come from a file
     * @param message what is wrong, already naming the line or demand
     */
    public DemandException(int line, String message) {
        super(message);
        this.line = Math.max(line, 0);
    }

    /** @return a problem with the demand that has the given id */
    static DemandException forDemand(long id, String problem) {
        return new DemandException(0, "demand " + id + ": " + problem);
    }

    /** @return a problem on a line of an input file */
    static DemandException atLine(int line, String problem) {
        return new DemandException(line, "line " + line + ": " + problem);
    }

    /** @return the 1-based input line, or 0 if unknown */
    public int line() {
        return line;
    }
}
