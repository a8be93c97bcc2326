package org.ebbflow.predictor.data;

import java.nio.file.Path;
import org.ebbflow.topology.io.FormatMessages;

/**
 * A data file that cannot be read because its content is malformed: a value that is not a number, a row with the
 * wrong number of fields, a matrix that is not square. The message is one line, {@code <file>:<line>: <field>: <what
 * is wrong>}, with unknown parts left out, so that a command-line tool can print it as it is.
 */
public final class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String field;

    /**
     * @param file the file being read, or null if unknown
     * @param line the 1-based line, or 0 if the problem is not on one line
     * @param field the column or entry at fault (e.g. {@code net_in}, {@code entry (2,3)}), or null
     * @param problem what is wrong, one line
     */
    public DataFormatException(Path file, long line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    /**
     * @param file the file being read, or null if unknown
     * @param line the 1-based line, or 0 if the problem is not on one line
     * @param field the column or entry at fault, or null
     * @param problem what is wrong, one line
     * @param cause the low-level exception, or null
     */
    public DataFormatException(Path file, long line, String field, String problem, Throwable cause) {
        super(FormatMessages.locate(file, line, field, problem), cause);
        this.file = file;
        this.line = Math.max(0, line);
        this.field = field;
    }


    /** @return the file, or null if unknown */
    public Path file() {
        return file;
    }

    /** @return the 1-based line, or 0 if unknown */
    public long line() {
        return line;
    }

    /** @return the column or entry at fault, or null */
    public String field() {
        return field;
    }
}
