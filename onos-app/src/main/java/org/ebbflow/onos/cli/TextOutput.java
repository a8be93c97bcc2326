package org.ebbflow.onos.cli;

import java.util.List;
import java.util.Map;

/** Plain-text rendering shared by the commands: one {@code key=value} per line, lists indented below their key. */
final class TextOutput {
    private TextOutput() {
    }

    static String render(Map<String, ?> values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List) {
                List<?> l = (List<?>) v;
                b.append(e.getKey()).append(" (").append(l.size()).append(')');
                for (Object x : l) {
                    b.append("\n  ").append(x);
                }
            } else {
                b.append(e.getKey()).append('=').append(v);
            }
            b.append('\n');
        }
        return b.toString().trim();
    }
}
