package org.ebbflow.flowstats.flows;

import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;

/** Parses and canonicalises match field values; see {@link MatchField} for the forms. */
final class MatchValues {
    private static final long MAC_ALL_ONES = 0xFFFF_FFFF_FFFFL;

    private MatchValues() {
    }

    static String canonical(MatchField field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + ": missing value");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String value = slash < 0 ? t : t.substring(0, slash).trim();
        String mask = slash < 0 ? null : t.substring(slash + 1).trim();
        if (value.isEmpty()) {
            throw error(field, "empty value", text);
        }
        if (mask != null && !field.isMaskable()) {
            throw error(field, "cannot be masked in OpenFlow 1.3", text);
        }
        if (mask != null && mask.isEmpty()) {
            throw error(field, "empty mask", text);
        }
        switch (field.kind()) {
            case DECIMAL:
            case HEX:
                return number(field, value, mask, text);
            case MAC:
                return mac(field, value, mask, text);
            case IPV4:
                return ip(field, value, mask, text, 4);
            case IPV6:
                return ip(field, value, mask, text, 16);
            default:
                throw new IllegalStateException("unhandled kind " + field.kind());
        }
    }

    private static String number(MatchField field, String value, String maskText, String text) {
        long max = field.maxValue();
        long v = unsigned(field, value, max, text);
        if (maskText == null) {
            return formatNumber(field, v);
        }
        long m = unsigned(field, maskText, max, text);
        if (m == 0) {
            throw zeroMask(field, text);
        }
        return m == max ? formatNumber(field, v & m) : formatNumber(field, v & m) + "/" + formatNumber(field, m);
    }

    private static long unsigned(MatchField field, String s, long max, String text) {
        boolean hex = s.startsWith("0x") || s.startsWith("0X");
        String digits = hex ? s.substring(2) : s;
        int radix = hex ? 16 : 10;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            throw error(field, "not a number", text);
        }
        long v;
        try {
            v = Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw error(field, "out of range (max " + formatNumber(field, max) + ")", text);
        }
        if (Long.compareUnsigned(v, max) > 0) {
            throw error(field, "out of range (max " + formatNumber(field, max) + ")", text);
        }
        return v;
    }

    private static String formatNumber(MatchField field, long v) {
        if (field.kind() == MatchField.Kind.DECIMAL) {
            return Long.toUnsignedString(v);
        }
        long max = field.maxValue();
        return max >= 0 && max <= 0xFFFF ? String.format("0x%04x", v) : "0x" + Long.toHexString(v);
    }

    private static String mac(MatchField field, String value, String maskText, String text) {
        long v = parseMac(field, value, text);
        if (maskText == null) {
            return MacAddress.of(v).toString();
        }
        long m = parseMac(field, maskText, text);
        if (m == 0) {
            throw zeroMask(field, text);
        }
        String masked = MacAddress.of(v & m).toString();
        return m == MAC_ALL_ONES ? masked : masked + "/" + MacAddress.of(m);
    }

    private static long parseMac(MatchField field, String s, String text) {
        try {
            return MacAddress.parse(s).value();
        } catch (IllegalArgumentException e) {
            throw error(field, "not a MAC address", text);
        }
    }

    private static String ip(MatchField field, String value, String maskText, String text, int length) {
        byte[] v = parseIp(field, value, text, length);
        if (maskText == null) {
            return formatIp(v);
        }
        byte[] m = maskText.chars().allMatch(Character::isDigit)
                ? prefixMask(field, maskText, text, length)
                : parseIp(field, maskText, text, length);
        boolean zero = true;
        boolean allOnes = true;
        for (int i = 0; i < length; i++) {
            v[i] &= m[i];
            zero &= m[i] == 0;
            allOnes &= m[i] == (byte) 0xFF;
        }
        if (zero) {
            throw zeroMask(field, text);
        }
        return allOnes ? formatIp(v) : formatIp(v) + "/" + formatIp(m);
    }

    private static byte[] parseIp(MatchField field, String s, String text, int length) {
        IpAddress a;
        try {
            a = IpAddress.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(field, "not an IP address", text);
        }
        byte[] octets = a.octets();
        if (octets.length != length) {
            throw error(field, length == 4 ? "not an IPv4 address" : "not an IPv6 address", text);
        }
        return octets;
    }

    private static byte[] prefixMask(MatchField field, String s, String text, int length) {
        int bits = length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw error(field, "prefix length must be 0.." + bits, text);
        }
        byte[] m = new byte[length];
        for (int i = 0; i < prefix; i++) {
            m[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return m;
    }

    private static String formatIp(byte[] octets) {
        StringBuilder sb = new StringBuilder(octets.length == 4 ? 15 : 39);
        if (octets.length == 4) {
            for (int i = 0; i < 4; i++) {
                sb.append(i > 0 ? "." : "").append(octets[i] & 0xFF);
            }
            return sb.toString();
        }
        for (int i = 0; i < 16; i += 2) {
            sb.append(i > 0 ? ":" : "").append(Integer.toHexString(((octets[i] & 0xFF) << 8) | (octets[i + 1] & 0xFF)));
        }
        return sb.toString();
    }

    private static IllegalArgumentException zeroMask(MatchField field, String text) {
        return error(field, "zero mask wildcards the whole field; leave the field out", text);
    }

    private static IllegalArgumentException error(MatchField field, String problem, String text) {
        return new IllegalArgumentException(field + ": " + problem + ": '" + text + "'");
    }
}
