package org.ebbflow.topology.io;

import java.nio.file.Path;

/**
 * A topology file that cannot be loaded because its content is malformed: broken XML, a missing or unparsable value,
 * a reference to an unknown node. The message is one line, {@code <file>:<line>: <field>: <what is wrong>}, with the
 * parts that are unknown left out, so that editors and CI logs can jump to the spot.
 */
public final class TopologyFormatException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;

    /**
     * @param file the file being read, or null if unknown
     * @param line the 1-based line of the offending element, or 0 if unknown
     * @param field the attribute, element or GraphML data name at fault, or null if it is not about one field
     * @param problem what is wrong, one line
     */
    public TopologyFormatException(Path file, int line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    /**
     * @param file the file being read, or null if unknown
     * @param line the 1-based line of the offending element, or 0 if unknown
     * @param field the attribute, element or GraphML data name at fault, or null if it is not about one field
     * @param problem what is wrong, one line
     * @param cause the low-level exception (XML parser, number parsing), or null
     */
    public TopologyFormatException(Path file, int line, String field, String problem, Throwable cause) {
        super(FormatMessages.locate(file, line, field, problem), cause);
        this.file = file;
        this.line = Math.max(line, 0);
        this.field = field;
    }


    /** @return the file being read, or null if unknown */
    public Path file() {
        return file;
    }

    /** @return the 1-based line of the offending element, or 0 if unknown */
    public int line() {
        return line;
    }

    /** @return the name of the field at fault, or null if the problem is not about one field */
    public String field() {
        return field;
    }
}
