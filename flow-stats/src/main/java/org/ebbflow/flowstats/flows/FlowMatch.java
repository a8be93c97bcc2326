package org.ebbflow.flowstats.flows;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;

/**
 * The match of an OpenFlow flow entry: match fields ({@link MatchField}, in OXM order) with their values in canonical
 * text form, masked values as {@code value/mask}. Immutable; equal when the same fields have the same canonical
 * values, so two spellings of one match ({@code 10.0.0.0/24} and {@code 10.0.0.7/255.255.255.0}) are equal.
 *
 * <p>Printed as {@code eth_type=0x0800,ipv4_dst=10.0.1.2}, and {@code *} for the empty match that matches every
 * packet (table-miss); {@link #parse} reads both forms back. OpenFlow prerequisites (such as {@code eth_type=0x0800}
 * before {@code ipv4_dst}) are not checked: switches report matches with or without them.
 */
public final class FlowMatch {
    /** The text of the empty match. */
    public static final String ANY_TEXT = "*";
    private static final FlowMatch ANY = new FlowMatch(new EnumMap<>(MatchField.class));

    private final SortedMap<MatchField, String> fields;
    private final String text;

    private FlowMatch(Map<MatchField, String> canonicalFields) {
        this.fields = Collections.unmodifiableSortedMap(new TreeMap<>(canonicalFields));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<MatchField, String> e : fields.entrySet()) {
            sb.append(sb.length() > 0 ? "," : "").append(e.getKey().oxmName()).append('=').append(e.getValue());
        }
        this.text = sb.length() == 0 ? ANY_TEXT : sb.toString();
    }

    /** @return the empty match, which matches every packet */
    public static FlowMatch any() {
        return ANY;
    }

    /** @return a builder for a match with no fields yet */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses the printed form: comma-separated {@code field=value} pairs (OXM names, case ignored; values as
     * {@link MatchField#canonical} accepts them); {@code *} or blank text is the empty match.
     *
     * @throws IllegalArgumentException quoting the text and the offending part if a part is not
     *     {@code field=value}, names an unsupported field, repeats a field, or has a bad value
     */
    public static FlowMatch parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (t.isEmpty() || t.equals(ANY_TEXT)) {
            return ANY;
        }
        Map<MatchField, String> parsed = new EnumMap<>(MatchField.class);
        for (String part : t.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw bad(text, "expected field=value, got '" + part.trim() + "'");
            }
            String name = part.substring(0, eq).trim();
            MatchField field = MatchField.forName(name);
            if (field == null) {
                throw bad(text, "unsupported field '" + name + "' (supported: " + supportedNames() + ")");
            }
            if (parsed.containsKey(field)) {
                throw bad(text, "field '" + field + "' appears twice");
            }
            try {
                parsed.put(field, field.canonical(part.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad flow match '" + text + "': " + e.getMessage(), e);
            }
        }
        return new FlowMatch(parsed);
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("bad flow match '" + text + "': " + problem);
    }

    private static String supportedNames() {
        StringBuilder sb = new StringBuilder();
        for (MatchField f : MatchField.values()) {
            sb.append(sb.length() > 0 ? ", " : "").append(f.oxmName());
        }
        return sb.toString();
    }

    /** @return the fields and their canonical values in OXM order, unmodifiable; empty for the match-all */
    public SortedMap<MatchField, String> fields() {
        return fields;
    }

    /** @return the field's canonical value, {@code value/mask} if masked, or null if the field is not matched */
    public String value(MatchField field) {
        return fields.get(field);
    }

    /** @return true if the field is matched, masked or not */
    public boolean has(MatchField field) {
        return fields.containsKey(field);
    }

    /** @return true if the field is matched with a mask (so it matches more than one value) */
    public boolean isMasked(MatchField field) {
        String v = fields.get(field);
        return v != null && v.indexOf('/') >= 0;
    }

    /** @return the number of matched fields */
    public int size() {
        return fields.size();
    }

    /** @return true for the empty match, which matches every packet */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** @return the ingress port number, or null if not matched */
    public Long inPort() {
        String v = fields.get(MatchField.IN_PORT);
        return v == null ? null : Long.parseLong(v);
    }

    /** @return the Ethernet type, or null if not matched */
    public Integer ethType() {
        String v = fields.get(MatchField.ETH_TYPE);
        return v == null ? null : Integer.parseInt(v.substring(2), 16);
    }

    /** @return the IP protocol number, or null if not matched */
    public Integer ipProto() {
        String v = fields.get(MatchField.IP_PROTO);
        return v == null ? null : Integer.parseInt(v);
    }

    /** @return the exact Ethernet source, or null if not matched or masked (a masked field names no single host) */
    public MacAddress ethSrc() {
        return exactMac(MatchField.ETH_SRC);
    }

    /** @return the exact Ethernet destination, or null if not matched or masked */
    public MacAddress ethDst() {
        return exactMac(MatchField.ETH_DST);
    }

    /** @return the exact IPv4 source, or null if not matched or masked (a prefix names no single host) */
    public IpAddress ipv4Src() {
        return exactIp(MatchField.IPV4_SRC);
    }

    /** @return the exact IPv4 destination, or null if not matched or masked */
    public IpAddress ipv4Dst() {
        return exactIp(MatchField.IPV4_DST);
    }

    private MacAddress exactMac(MatchField f) {
        String v = fields.get(f);
        return v == null || v.indexOf('/') >= 0 ? null : MacAddress.parse(v);
    }

    private IpAddress exactIp(MatchField f) {
        String v = fields.get(f);
        return v == null || v.indexOf('/') >= 0 ? null : IpAddress.parse(v);
    }

    /** @return a builder holding this match's fields */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.fields.putAll(fields);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowMatch && ((FlowMatch) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return {@code field=value,...} in OXM order, or {@code *} for the empty match */
    @Override
    public String toString() {
        return text;
    }

    /** Builds a {@link FlowMatch}; setting a field again replaces its value. */
    public static final class Builder {
        private final Map<MatchField, String> fields = new EnumMap<>(MatchField.class);

        private Builder() {
        }

        /**
         * @param value the value, optionally {@code value/mask}, in any form {@link MatchField#canonical} accepts
         * @throws IllegalArgumentException if the value is malformed for the field
         */
        public Builder set(MatchField field, String value) {
            fields.put(Objects.requireNonNull(field, "field"), field.canonical(value));
            return this;
        }

        /** Removes a field, if present. */
        public Builder remove(MatchField field) {
            fields.remove(field);
            return this;
        }

        /** @param port the OpenFlow ingress port number */
        public Builder inPort(long port) {
            return set(MatchField.IN_PORT, Long.toString(port));
        }

        /** @param ethType the Ethernet type, such as {@code 0x0800} */
        public Builder ethType(int ethType) {
            return set(MatchField.ETH_TYPE, Integer.toString(ethType));
        }

        /** @param proto the IP protocol number, such as 6 for TCP */
        public Builder ipProto(int proto) {
            return set(MatchField.IP_PROTO, Integer.toString(proto));
        }

        /** @param mac the exact Ethernet source */
        public Builder ethSrc(MacAddress mac) {
            return set(MatchField.ETH_SRC, mac.toString());
        }

        /** @param mac the exact Ethernet destination */
        public Builder ethDst(MacAddress mac) {
            return set(MatchField.ETH_DST, mac.toString());
        }

        /** @param ip the exact IPv4 source */
        public Builder ipv4Src(IpAddress ip) {
            return set(MatchField.IPV4_SRC, ip.toString());
        }

        /** @param ip the exact IPv4 destination */
        public Builder ipv4Dst(IpAddress ip) {
            return set(MatchField.IPV4_DST, ip.toString());
        }

        /** @return the immutable match */
        public FlowMatch build() {
            return fields.isEmpty() ? ANY : new FlowMatch(fields);
        }
    }
}
