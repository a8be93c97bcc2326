package org.ebbflow.predictor.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields: comma-separated, optionally double-quoted (a doubled quote inside quotes is one
 * quote), blanks around unquoted fields trimmed. Fields never span lines.
 */
final class CsvLine {
    private CsvLine() {
    }

    /**
     * @return the fields; an empty line is one empty field
     * @throws IllegalArgumentException if a quoted field is not closed on the line
     */
    static String[] split(String line) {
        if (line.indexOf('"') < 0) {
            String[] f = line.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].trim();
            }
            return f;
        }
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"' && sb.toString().trim().isEmpty()) {
                sb.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(wasQuoted ? sb.toString() : sb.toString().trim());
                sb.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(c))) {
                sb.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed on this line");
        }
        out.add(wasQuoted ? sb.toString() : sb.toString().trim());
        return out.toArray(new String[0]);
    }
}
