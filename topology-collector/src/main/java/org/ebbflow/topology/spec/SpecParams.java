package org.ebbflow.topology.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.ebbflow.topology.BitRate;

/** The {@code name=value} parameters of one spec, checked against the names its kind accepts. */
final class SpecParams {
    private static final Pattern OPTION = Pattern.compile("\\s*[A-Za-z][A-Za-z0-9]*\\s*=.*", Pattern.DOTALL);
    private static final long[] RATE_FACTORS = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] RATE_SUFFIXES = {"T", "G", "M", "K"};

    private final String kind;
    private final String[] required;
    private final Map<String, String> values;

    private SpecParams(String kind, String[] required, Map<String, String> values) {
        this.kind = kind;
        this.required = required.clone();
        this.values = values;
    }

    /**
     * @param kind the kind's token, for messages
     * @param items the raw {@code name=value} items
     * @param required the names that must be given, in canonical spelling
     * @param optional the names that may be given, in canonical spelling; all names match case-insensitively
     */
    static SpecParams of(String kind, List<String> items, String[] required, String... optional) {
        String[] validNames = new String[required.length + optional.length];
        System.arraycopy(required, 0, validNames, 0, required.length);
        System.arraycopy(optional, 0, validNames, required.length, optional.length);
        Map<String, String> values = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            String name = (eq < 0 ? item : item.substring(0, eq)).trim();
            if (name.isEmpty()) {
                throw new TopologySpecException(item.isBlank() ? kind + " spec has an empty parameter"
                        : "malformed " + kind + " parameter '" + item.trim() + "' (expected name=value)");
            }
            String canonical = canonicalName(name, validNames);
            if (canonical == null) {
                throw new TopologySpecException("unknown " + kind + " parameter '" + name + "' ("
                        + (validNames.length == 0 ? kind + " takes no parameters"
                        : "valid: " + String.join(", ", validNames)) + ")");
            }
            String value = eq < 0 ? "" : item.substring(eq + 1).trim();
            if (value.isEmpty()) {
                throw new TopologySpecException(kind + " parameter '" + canonical + "' needs a value, e.g. "
                        + canonical + "=...");
            }
            if (values.put(canonical, value) != null) {
                throw new TopologySpecException(kind + " parameter '" + canonical + "' is given twice");
            }
        }
        return new SpecParams(kind, required, values);
    }

    /** Splits a parameter list at every comma. */
    static List<String> split(String body) {
        return Arrays.asList(body.split(",", -1));
    }

    /**
     * Splits {@code PATH[,name=value]...}: while the text after the last comma looks like {@code name=...} it is an
     * option, the rest is the path.
     *
     * @return the path first, then the option items in the order written
     */
    static List<String> splitPathAndOptions(String body) {
        List<String> options = new ArrayList<>();
        String rest = body;
        int comma = rest.lastIndexOf(',');
        while (comma >= 0 && OPTION.matcher(rest.substring(comma + 1)).matches()) {
            options.add(rest.substring(comma + 1));
            rest = rest.substring(0, comma);
            comma = rest.lastIndexOf(',');
        }
        Collections.reverse(options);
        List<String> out = new ArrayList<>();
        out.add(rest.trim());
        out.addAll(options);
        return out;
    }

    private static String canonicalName(String name, String... validNames) {
        for (String v : validNames) {
            if (v.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }

    /** @return whether the parameter was given */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** @throws TopologySpecException if the parameter is missing; the message lists the required ones */
    int requiredInt(String name) {
        if (!has(name)) {
            throw new TopologySpecException(kind + " spec is missing parameter '" + name + "' (required: "
                    + String.join(", ", required) + ")");
        }
        return intOr(name, 0);
    }

    /** @return the integer value, or the default when the parameter is absent */
    int intOr(String name, int dflt) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new TopologySpecException(kind + " " + name + " must be an integer, got '" + v + "'");
        }
    }

    /** @return the rate in bits per second, or the default when the parameter is absent */
    long rateOr(String name, long dflt) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return BitRate.parseBps(v);
        } catch (IllegalArgumentException e) {
            throw new TopologySpecException(kind + " " + name
                    + " must be a positive rate such as 10G, 100M or 1e9, got '" + v + "'");
        }
    }

    /** @throws TopologySpecException unless min &le; value &le; max */
    void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new TopologySpecException(kind + " " + name + " must be from " + min + " to " + max
                    + ", got " + value);
        }
    }

    /** @return the rate with the largest K/M/G/T suffix that keeps it exact, e.g. {@code 10G}, {@code 1500M} */
    static String rate(long bps) {
        for (int i = 0; i < RATE_FACTORS.length; i++) {
            if (bps % RATE_FACTORS[i] == 0) {
                return bps / RATE_FACTORS[i] + RATE_SUFFIXES[i];
            }
        }
        return Long.toString(bps);
    }
}
