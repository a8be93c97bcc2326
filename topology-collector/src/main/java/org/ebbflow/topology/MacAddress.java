package org.ebbflow.topology;

/** A 48-bit Ethernet MAC address, printed as {@code 00:00:00:01:02:03}. */
public final class MacAddress implements Comparable<MacAddress> {
    private static final long MASK = 0xFFFF_FFFF_FFFFL;
    private final long value;

    private MacAddress(long value) {
        this.value = value;
    }

    /**
     * @param value the address in the low 48 bits
     * @throws IllegalArgumentException if bits above the 48th are set
     */
    public static MacAddress of(long value) {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits: " + Long.toHexString(value));
        }
        return new MacAddress(value);
    }

    /**
     * Parses six colon- or dash-separated hex bytes.
     *
     * @throws IllegalArgumentException if the text is not a MAC address
     */
    public static MacAddress parse(String text) {
        String[] parts = text.trim().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: '" + text + "'");
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("not a MAC address: '" + text + "'");
            }
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    /** @return the address in the low 48 bits */
    public long value() {
        return value;
    }

    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress && ((MacAddress) o).value == value;
    }

    @Override
    public int hashCode() {
        return Hashing.mix(value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift < 40) {
                sb.append(':');
            }
            int b = (int) (value >>> shift) & 0xFF;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
