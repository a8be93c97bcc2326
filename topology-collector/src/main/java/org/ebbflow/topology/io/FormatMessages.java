package org.ebbflow.topology.io;

import java.nio.file.Path;

/** The one-line message every malformed-input error in ebbflow uses: {@code <file>:<line>: <field>: <problem>}. */
public final class FormatMessages {
    private FormatMessages() {
    }

    /**
     * @param file the file being read, or null if unknown
     * @param line the 1-based line, or 0 if unknown
     * @param field the field at fault, or null
     * @param problem what is wrong; line breaks (from parsers) are folded so the message stays on one line
     * @return the message, with the unknown parts left out
     */
    public static String locate(Path file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (field != null) {
            sb.append(field).append(": ");
        }
        return sb.append(problem == null ? "malformed" : problem.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim())
                .toString();
    }
}
