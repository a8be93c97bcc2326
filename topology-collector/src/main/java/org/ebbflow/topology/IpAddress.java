package org.ebbflow.topology;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address literal. Never resolves names. */
public final class IpAddress implements Comparable<IpAddress> {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private final byte[] octets;

    private IpAddress(byte[] octets) {
        this.octets = octets;
    }

    /** @return the IPv4 address {@code a.b.c.d}; each part must be 0..255 */
    public static IpAddress ipv4(int a, int b, int c, int d) {
        for (int part : new int[] {a, b, c, d}) {
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("IPv4 octet out of range: " + part);
            }
        }
        return new IpAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal.
     *
     * @throws IllegalArgumentException if the text is not an address literal (host names are refused, not resolved)
     */
    public static IpAddress parse(String text) {
        String s = text.trim();
        boolean v4 = IPV4.matcher(s).matches();
        if (!v4 && !(s.contains(":") && IPV6.matcher(s).matches())) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        if (v4) {
            String[] p = s.split("\\.");
            return ipv4(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3]));
        }
        try {
            // Safe: the pattern above admits only literals, so no name lookup can happen.
            return new IpAddress(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'", e);
        }
    }

    /** @return true for a 4-byte address */
    public boolean isIpv4() {
        return octets.length == 4;
    }

    /** @return a copy of the address bytes, network order */
    public byte[] octets() {
        return octets.clone();
    }

    @Override
    public int compareTo(IpAddress other) {
        if (octets.length != other.octets.length) {
            return Integer.compare(octets.length, other.octets.length);
        }
        return Arrays.compareUnsigned(octets, other.octets);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress && Arrays.equals(((IpAddress) o).octets, octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    @Override
    public String toString() {
        if (isIpv4()) {
            return (octets[0] & 0xFF) + "." + (octets[1] & 0xFF) + "." + (octets[2] & 0xFF) + "." + (octets[3] & 0xFF);
        }
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
