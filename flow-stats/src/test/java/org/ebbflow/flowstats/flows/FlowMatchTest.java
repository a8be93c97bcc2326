package org.ebbflow.flowstats.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.MacAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowMatchTest {

    @Test
    void printsFieldsInOxmOrderWhateverTheInputOrder() {
        FlowMatch m = FlowMatch.parse("ipv4_dst=10.0.1.2, eth_type=2048");
        assertEquals("eth_type=0x0800,ipv4_dst=10.0.1.2", m.toString());
        assertEquals(List.of(MatchField.ETH_TYPE, MatchField.IPV4_DST), List.copyOf(m.fields().keySet()));
        assertEquals(m, FlowMatch.parse(m.toString()));
    }

    @Test
    void theEmptyMatchIsAStarAndParsesBack() {
        assertEquals("*", FlowMatch.any().toString());
        assertSame(FlowMatch.any(), FlowMatch.parse("*"));
        assertSame(FlowMatch.any(), FlowMatch.parse("  "));
        assertTrue(FlowMatch.any().isEmpty());
        assertSame(FlowMatch.any(), FlowMatch.builder().build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "IN_PORT=0x10;                                      in_port=16",
        "eth_dst=00:00:00:01:02:0A;                         eth_dst=00:00:00:01:02:0a",
        "eth_src=00-00-00-01-02-03/ff:ff:ff:00:00:00;       eth_src=00:00:00:00:00:00/ff:ff:ff:00:00:00",
        "eth_dst=00:00:00:01:02:03/ff:ff:ff:ff:ff:ff;       eth_dst=00:00:00:01:02:03",
        "ipv4_src=10.0.1.7/24;                              ipv4_src=10.0.1.0/255.255.255.0",
        "ipv4_src=10.0.1.7/255.255.255.0;                   ipv4_src=10.0.1.0/255.255.255.0",
        "ipv4_dst=10.0.1.7/32;                              ipv4_dst=10.0.1.7",
        "ipv4_dst=10.1.2.3/255.0.255.0;                     ipv4_dst=10.0.2.0/255.0.255.0",
        "vlan_vid=4106;                                     vlan_vid=0x100a",
        "vlan_vid=0x1000/0x1000;                            vlan_vid=0x1000/0x1000",
        "ip_proto=0x06,tcp_dst=80;                          ip_proto=6,tcp_dst=80",
        "metadata=0xFF/0x0F;                                metadata=0xf/0xf",
        "ipv6_dst=fe80::1;                                  ipv6_dst=fe80:0:0:0:0:0:0:1",
        "ipv6_src=2001:db8::7/32;                           ipv6_src=2001:db8:0:0:0:0:0:0/ffff:ffff:0:0:0:0:0:0",
        "arp_tpa=10.0.0.1,eth_type=0x806;                   eth_type=0x0806,arp_tpa=10.0.0.1",
    })
    void canonicalisesValuesAndMasks(String input, String canonical) {
        FlowMatch m = FlowMatch.parse(input);
        assertEquals(canonical, m.toString());
        assertEquals(m, FlowMatch.parse(canonical));
        assertEquals(m.hashCode(), FlowMatch.parse(canonical).hashCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "in_port;                               expected field=value",
        "in_port=1,;                            expected field=value",
        "in_prot=1;                             unsupported field 'in_prot'",
        "in_port=1,in_port=2;                   'in_port' appears twice",
        "in_port=abc;                           in_port: not a number",
        "in_port=4294967296;                    in_port: out of range",
        "in_port=1/1;                           in_port: cannot be masked",
        "eth_type=0x10000;                      eth_type: out of range",
        "tcp_dst=65536;                         tcp_dst: out of range",
        "ip_dscp=64;                            ip_dscp: out of range",
        "eth_src=00:00:00:01:02;                eth_src: not a MAC address",
        "eth_src=00:00:00:01:02:03/00:00:00:00:00:00; eth_src: zero mask",
        "ipv4_dst=10.0.0.256;                   ipv4_dst: not an IP address",
        "ipv4_dst=fe80::1;                      ipv4_dst: not an IPv4 address",
        "ipv6_dst=10.0.0.1;                     ipv6_dst: not an IPv6 address",
        "ipv4_dst=10.0.0.1/33;                  ipv4_dst: prefix length must be 0..32",
        "ipv4_dst=10.0.0.1/0;                   ipv4_dst: zero mask",
        "ipv4_dst=;                             ipv4_dst: empty value",
        "ipv4_dst=10.0.0.1/;                    ipv4_dst: empty mask",
        "ipv4_dst=host.example;                 ipv4_dst: not an IP address",
    })
    void badTextFailsWithAMessageNamingTheProblem(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowMatch.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), "quotes the whole text: " + e.getMessage());
    }

    @Test
    void unsupportedFieldErrorListsTheSupportedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlowMatch.parse("nw_dst=10.0.0.1"));
        assertTrue(e.getMessage().contains("ipv4_dst") && e.getMessage().contains("in_port"), e.getMessage());
    }

    @Test
    void gettersReturnExactValuesAndNullWhenAbsentOrMasked() {
        MacAddress mac = MacAddress.of(0x010203L);
        IpAddress ip = IpAddress.ipv4(10, 0, 1, 2);
        FlowMatch m = FlowMatch.builder().inPort(3).ethType(0x0800).ethSrc(mac).ipv4Dst(ip).ipProto(17)
                .set(MatchField.ETH_DST, "00:00:00:00:00:01/ff:ff:ff:00:00:00").build();
        assertEquals(3L, m.inPort());
        assertEquals(0x0800, m.ethType());
        assertEquals(17, m.ipProto());
        assertEquals(mac, m.ethSrc());
        assertEquals(ip, m.ipv4Dst());
        assertNull(m.ipv4Src(), "absent");
        assertNull(m.ethDst(), "masked: names no single host");
        assertTrue(m.has(MatchField.ETH_DST));
        assertTrue(m.isMasked(MatchField.ETH_DST));
        assertFalse(m.isMasked(MatchField.ETH_SRC));
        assertEquals(6, m.size());
    }

    @Test
    void toBuilderCopiesAndTheCopyIsIndependent() {
        FlowMatch m = FlowMatch.parse("eth_type=0x0800,ipv4_dst=10.0.1.2");
        FlowMatch n = m.toBuilder().remove(MatchField.IPV4_DST).inPort(1).build();
        assertEquals("eth_type=0x0800,ipv4_dst=10.0.1.2", m.toString());
        assertEquals("in_port=1,eth_type=0x0800", n.toString());
        assertNotEquals(m, n);
        assertThrows(UnsupportedOperationException.class, () -> m.fields().put(MatchField.IN_PORT, "1"));
    }

    @Property(tries = 300)
    void printedFormParsesBackToAnEqualMatch(@ForAll("matches") FlowMatch m) {
        FlowMatch back = FlowMatch.parse(m.toString());
        assertEquals(m, back);
        assertEquals(m.toString(), back.toString());
        assertEquals(m.fields(), back.fields());
    }

    @Property(tries = 200)
    void maskedIpv4ValuesKeepOnlyTheMaskedBits(@ForAll("ipv4") IpAddress ip, @ForAll("prefix") int prefix) {
        FlowMatch m = FlowMatch.builder().set(MatchField.IPV4_DST, ip + "/" + prefix).build();
        FlowMatch again = FlowMatch.builder().set(MatchField.IPV4_DST, m.value(MatchField.IPV4_DST)).build();
        assertEquals(m, again, "canonical text is a fixed point");
        assertEquals(prefix == 32, m.ipv4Dst() != null);
    }

    @Provide
    Arbitrary<IpAddress> ipv4() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as(IpAddress::ipv4);
    }

    @Provide
    Arbitrary<Integer> prefix() {
        return Arbitraries.integers().between(1, 32);
    }

    @Provide
    Arbitrary<FlowMatch> matches() {
        Arbitrary<String> port = Arbitraries.longs().between(1, 0xFFFF_FF00L).map(Object::toString);
        Arbitrary<String> mac = Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL).map(v -> MacAddress.of(v).toString());
        Arbitrary<String> ip = ipv4().map(Object::toString);
        Arbitrary<String> maskedIp = Combinators.combine(ipv4(), prefix()).as((a, p) -> a + "/" + p);
        Arbitrary<String> u16 = Arbitraries.integers().between(0, 0xFFFF).map(Object::toString);
        Arbitrary<String> u8 = Arbitraries.integers().between(0, 255).map(Object::toString);
        Arbitrary<String> vlan = Arbitraries.integers().between(0, 0x1FFF).map(v -> "0x" + Integer.toHexString(v));
        return Combinators.combine(
                Arbitraries.oneOf(port, Arbitraries.just(null)),
                Arbitraries.oneOf(mac, Arbitraries.just(null)),
                Arbitraries.oneOf(mac, Arbitraries.just(null)),
                Arbitraries.oneOf(u16, Arbitraries.just(null)),
                Arbitraries.oneOf(ip, maskedIp, Arbitraries.just(null)),
                Arbitraries.oneOf(ip, maskedIp, Arbitraries.just(null)),
                Arbitraries.oneOf(u8, Arbitraries.just(null)),
                Arbitraries.oneOf(vlan, Arbitraries.just(null)))
            .as((inPort, ethSrc, ethDst, ethType, ipSrc, ipDst, proto, vid) -> {
                FlowMatch.Builder b = FlowMatch.builder();
                setIf(b, MatchField.IN_PORT, inPort);
                setIf(b, MatchField.ETH_SRC, ethSrc);
                setIf(b, MatchField.ETH_DST, ethDst);
                setIf(b, MatchField.ETH_TYPE, ethType);
                setIf(b, MatchField.IPV4_SRC, ipSrc);
                setIf(b, MatchField.IPV4_DST, ipDst);
                setIf(b, MatchField.IP_PROTO, proto);
                setIf(b, MatchField.VLAN_VID, vid);
                return b.build();
            });
    }

    private static void setIf(FlowMatch.Builder b, MatchField f, String value) {
        if (value != null) {
            b.set(f, value);
        }
    }
}
