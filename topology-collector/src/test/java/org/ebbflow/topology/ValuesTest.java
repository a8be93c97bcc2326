package org.ebbflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Property
    void datapathIdRoundTrips(@ForAll long v) {
        DatapathId d = DatapathId.of(v);
        assertEquals(d, DatapathId.parse(d.toString()));
        assertEquals(23, d.toString().length());
    }

    @Property
    void macRoundTrips(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long v) {
        MacAddress m = MacAddress.of(v);
        assertEquals(m, MacAddress.parse(m.toString()));
    }

    @Test
    void parsingRejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> DatapathId.parse("xyz"));
        assertThrows(IllegalArgumentException.class, () -> DatapathId.parse("00:11:22:33:44:55:66:77:88"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("00:11:22:33:44"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.of(1L << 48));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("example.com"));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> ConnectPoint.of(DatapathId.of(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> LinkKey.of(ConnectPoint.of(DatapathId.of(1), 1), ConnectPoint.of(DatapathId.of(1), 1)));
        assertThrows(IllegalArgumentException.class,
                () -> Link.active(ConnectPoint.of(DatapathId.of(1), 1), ConnectPoint.of(DatapathId.of(2), 1), 0));
    }

    @Test
    void ipAddresses() {
        assertEquals("10.1.2.3", IpAddress.parse("10.1.2.3").toString());
        assertTrue(IpAddress.parse("10.1.2.3").isIpv4());
        assertEquals(IpAddress.parse("fe80::1"), IpAddress.parse("fe80:0:0:0:0:0:0:1"));
        assertTrue(IpAddress.parse("10.0.0.1").compareTo(IpAddress.parse("10.0.0.200")) < 0);
    }

    @Test
    void bitRates() {
        assertEquals(10_000_000_000L, BitRate.parseBps("10G"));
        assertEquals(100_000_000L, BitRate.parseBps("100Mbps"));
        assertEquals(1_500_000_000L, BitRate.parseBps("1.5e9"));
        assertThrows(IllegalArgumentException.class, () -> BitRate.parseBps("fast"));
        assertThrows(IllegalArgumentException.class, () -> BitRate.parseBps("-1G"));
        assertEquals("10G", BitRate.format(1e10));
        assertEquals("2.50M", BitRate.format(2.5e6));
    }

    @Test
    void statesCombineByPrecedence() {
        assertEquals(ElementState.ASLEEP, ElementState.ADMIN_DOWN.combine(ElementState.ASLEEP));
        assertEquals(ElementState.ADMIN_DOWN, ElementState.ADMIN_DOWN.combine(ElementState.FAILED));
        assertEquals(ElementState.FAILED, ElementState.ACTIVE.combine(ElementState.FAILED));
        assertTrue(ElementState.ACTIVE.isUsable());
    }

    @Test
    void hostsAreValuesWithLabels() {
        ConnectPoint at = ConnectPoint.of(DatapathId.of(1), 1);
        HostEndpoint h = HostEndpoint.builder(MacAddress.of(5), at).addIp(IpAddress.parse("10.0.0.5"))
                .label(HostEndpoint.LABEL_WORKLOAD_CLASS, "bulk").build();
        assertEquals("bulk", h.label(HostEndpoint.LABEL_WORKLOAD_CLASS));
        assertEquals(h, h.toBuilder().build());
        assertNotEquals(h, h.toBuilder().attachment(ConnectPoint.of(DatapathId.of(1), 2)).build());
        assertThrows(UnsupportedOperationException.class, () -> h.labels().put("x", "y"));
    }
}
