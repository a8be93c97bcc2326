package org.ebbflow.flowstats.flows;

import java.util.Locale;

/**
 * The OpenFlow 1.3 match fields a {@link FlowMatch} supports, named and ordered as their OXM fields
 * ({@code OFPXMT_OFB_*}, OpenFlow 1.3.5 §7.2.3.7). Each field has one canonical text form for its value:
 *
 * <ul>
 *   <li>ports and small integers ({@code in_port}, {@code ip_proto}, {@code tcp_dst}, ...): unsigned decimal;</li>
 *   <li>{@code eth_type} and {@code vlan_vid}: hex with four digits ({@code 0x0800}; {@code vlan_vid} includes the
 *       OFPVID_PRESENT bit {@code 0x1000} as on the wire); {@code metadata} and {@code tunnel_id}: hex without
 *       leading zeros;</li>
 *   <li>MAC addresses: six lowercase hex bytes with colons; IPv4 dotted quad; IPv6 in {@link
 *       org.ebbflow.topology.IpAddress}'s form.</li>
 * </ul>
 * A masked value reads {@code value/mask}, the mask in the value's own form (an IP prefix length such as {@code /24}
 * is accepted on input and printed as a mask). Numbers are accepted in decimal or {@code 0x} hex.
 */
public enum MatchField {
    /** Ingress port (OXM 0), a 32-bit OpenFlow port number. */
    IN_PORT("in_port", 0, Kind.DECIMAL, 0xFFFF_FFFFL, false),
    /** Metadata passed between tables (OXM 2), 64 bits. */
    METADATA("metadata", 2, Kind.HEX, -1L, true),
    /** Ethernet destination (OXM 3). */
    ETH_DST("eth_dst", 3, Kind.MAC, 0, true),
    /** Ethernet source (OXM 4). */
    ETH_SRC("eth_src", 4, Kind.MAC, 0, true),
    /** Ethernet type (OXM 5). */
    ETH_TYPE("eth_type", 5, Kind.HEX, 0xFFFF, false),
    /** VLAN id with the OFPVID_PRESENT bit (OXM 6), 13 bits. */
    VLAN_VID("vlan_vid", 6, Kind.HEX, 0x1FFF, true),
    /** VLAN priority (OXM 7), 3 bits. */
    VLAN_PCP("vlan_pcp", 7, Kind.DECIMAL, 7, false),
    /** IP DSCP (OXM 8), 6 bits. */
    IP_DSCP("ip_dscp", 8, Kind.DECIMAL, 63, false),
    /** IP protocol (OXM 10). */
    IP_PROTO("ip_proto", 10, Kind.DECIMAL, 255, false),
    /** IPv4 source (OXM 11). */
    IPV4_SRC("ipv4_src", 11, Kind.IPV4, 0, true),
    /** IPv4 destination (OXM 12). */
    IPV4_DST("ipv4_dst", 12, Kind.IPV4, 0, true),
    /** TCP source port (OXM 13). */
    TCP_SRC("tcp_src", 13, Kind.DECIMAL, 0xFFFF, false),
    /** TCP destination port (OXM 14). */
    TCP_DST("tcp_dst", 14, Kind.DECIMAL, 0xFFFF, false),
    /** UDP source port (OXM 15). */
    UDP_SRC("udp_src", 15, Kind.DECIMAL, 0xFFFF, false),
    /** UDP destination port (OXM 16). */
    UDP_DST("udp_dst", 16, Kind.DECIMAL, 0xFFFF, false),
    /** ICMPv4 type (OXM 19). */
    ICMPV4_TYPE("icmpv4_type", 19, Kind.DECIMAL, 255, false),
    /** ICMPv4 code (OXM 20). */
    ICMPV4_CODE("icmpv4_code", 20, Kind.DECIMAL, 255, false),
    /** ARP opcode (OXM 21). */
    ARP_OP("arp_op", 21, Kind.DECIMAL, 0xFFFF, false),
    /** ARP source IPv4 address (OXM 22). */
    ARP_SPA("arp_spa", 22, Kind.IPV4, 0, true),
    /** ARP target IPv4 address (OXM 23). */
    ARP_TPA("arp_tpa", 23, Kind.IPV4, 0, true),
    /** IPv6 source (OXM 26). */
    IPV6_SRC("ipv6_src", 26, Kind.IPV6, 0, true),
    /** IPv6 destination (OXM 27). */
    IPV6_DST("ipv6_dst", 27, Kind.IPV6, 0, true),
    /** Logical port metadata, e.g. a tunnel key (OXM 38), 64 bits. */
    TUNNEL_ID("tunnel_id", 38, Kind.HEX, -1L, true);

    /** How a field's value is written; decides parsing, masking and the canonical form. */
    enum Kind { DECIMAL, HEX, MAC, IPV4, IPV6 }

    private final String oxmName;
    private final int oxmField;
    private final Kind kind;
    private final long maxValue;
    private final boolean maskable;

    MatchField(String oxmName, int oxmField, Kind kind, long maxValue, boolean maskable) {
        this.oxmName = oxmName;
        this.oxmField = oxmField;
        this.kind = kind;
        this.maxValue = maxValue;
        this.maskable = maskable;
    }

    /** @return the OXM name, such as {@code ipv4_dst} */
    public String oxmName() {
        return oxmName;
    }

    /** @return the OXM field number of the OpenFlow basic class */
    public int oxmField() {
        return oxmField;
    }

    /** @return true if OpenFlow 1.3 allows a mask on this field */
    public boolean isMaskable() {
        return maskable;
    }

    Kind kind() {
        return kind;
    }

    /** @return the largest value of a numeric field, unsigned (-1 means 2^64 - 1); 0 for address fields */
    long maxValue() {
        return maxValue;
    }

    /**
     * Looks a field up by its OXM name, ignoring case.
     *
     * @return the field, or null if the name is not a supported field
     */
    public static MatchField forName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (MatchField f : values()) {
            if (f.oxmName.equals(n)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Checks a value (optionally {@code value/mask}) and writes it in this field's canonical form: bits outside the
     * mask are cleared and an all-ones mask is dropped, so equal matches print equal text.
     *
     * @throws IllegalArgumentException naming the field if the value or mask is malformed or out of range, the field
     *     cannot be masked, or the mask is zero (a zero mask wildcards the field: leave the field out instead)
     */
    public String canonical(String value) {
        return MatchValues.canonical(this, value);
    }

    @Override
    public String toString() {
        return oxmName;
    }
}
