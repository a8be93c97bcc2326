package org.ebbflow.topology;

import java.util.Locale;

/**
 * An OpenFlow datapath id: the 64-bit identity of a switch. Printed as eight colon-separated hex bytes, the form
 * Open vSwitch and Mininet use.
 */
public final class DatapathId implements Comparable<DatapathId> {
    private final long value;

    private DatapathId(long value) {
        this.value = value;
    }

    /** @param value the raw 64-bit datapath id */
    public static DatapathId of(long value) {
        return new DatapathId(value);
    }

    /**
     * Parses {@code 00:00:00:00:00:00:00:0a}, {@code 0x0a} or a plain hex string of up to 16 digits.
     *
     * @throws IllegalArgumentException if the text is none of these forms
     */
    public static DatapathId parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("of:")) {
            s = s.substring(3);
        } else if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        String hex = s.replace(":", "");
        if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a datapath id: '" + text + "'");
        }
        return new DatapathId(Long.parseUnsignedLong(hex, 16));
    }

    /** @return the raw 64-bit value */
    public long value() {
        return value;
    }

    @Override
    public int compareTo(DatapathId other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatapathId && ((DatapathId) o).value == value;
    }

    @Override
    public int hashCode() {
        return Hashing.mix(value);
    }

    @Override
    public String toString() {
        String hex = String.format("%016x", value);
        StringBuilder sb = new StringBuilder(23);
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
