package org.ebbflow.flowstats.io;

import java.io.IOException;

/**
 * A trace file whose structure is broken (wrong number of columns, a timestamp that is not a number): reading stops,
 * since nothing after it can be trusted. Bad values in a well-formed row are not exceptions but {@link Rejection}s.
 */
public final class TraceFormatException extends IOException {
    private final String source;
    private final long line;
    private final String field;

    /**
     * @param source the file's name
     * @param line the 1-based line number
     * @param field the column at fault, or null if the whole line is
     * @param problem what is wrong
     */
    public TraceFormatException(String source, long line, String field, String problem) {
        super(source + " line " + line + (field == null ? "" : ", field " + field) + ": " + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    /** @return the file's name */
    public String source() {
        return source;
    }

    /** @return the 1-based line number */
    public long line() {
        return line;
    }

    /** @return the column at fault, or null if the whole line is */
    public String field() {
        return field;
    }
}
