package org.ebbflow.onos.impl;

import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;

/**
 * Names in both worlds: ONOS's OpenFlow device ids ({@code of:} + 16 hex digits) are datapath ids; a connect point is
 * {@code of:...}/{@code port}; a cable or directed link is {@code src-dst}. Devices of other schemes are not ebbflow's.
 */
final class OnosNames {
    private static final String OF = "of";

    private OnosNames() {
    }

    /** @return the datapath id of an OpenFlow device, or null for any other device */
    static DatapathId dpid(DeviceId id) {
        if (!OF.equals(id.uri().getScheme())) {
            return null;
        }
        try {
            return DatapathId.parse(id.uri().getSchemeSpecificPart());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the ONOS device id of a datapath */
    static DeviceId deviceId(DatapathId dpid) {
        return DeviceId.deviceId(String.format("of:%016x", dpid.value()));
    }

    /** @return ebbflow's connect point, or null if the device is not OpenFlow or the port is logical */
    static ConnectPoint connectPoint(org.onosproject.net.ConnectPoint cp) {
        DatapathId d = cp.elementId() instanceof DeviceId ? dpid(cp.deviceId()) : null;
        if (d == null || cp.port().isLogical()) {
            return null;
        }
        return ConnectPoint.of(d, cp.port().toLong());
    }

    /** @return ONOS's connect point */
    static org.onosproject.net.ConnectPoint connectPoint(ConnectPoint cp) {
        return new org.onosproject.net.ConnectPoint(deviceId(cp.dpid()), PortNumber.portNumber(cp.portNumber()));
    }

    /** @return ebbflow's link key, or null if either end is not an OpenFlow port */
    static LinkKey linkKey(org.onosproject.net.Link link) {
        ConnectPoint s = connectPoint(link.src());
        ConnectPoint d = connectPoint(link.dst());
        return s == null || d == null ? null : LinkKey.of(s, d);
    }

    /** @return {@code of:.../port} */
    static String name(ConnectPoint cp) {
        return deviceId(cp.dpid()) + "/" + cp.portNumber();
    }

    /** @return {@code of:...} */
    static String name(DatapathId dpid) {
        return deviceId(dpid).toString();
    }

    /** @return {@code of:.../p-of:.../q} */
    static String name(LinkKey key) {
        return name(key.src()) + "-" + name(key.dst());
    }

    /**
     * @param text {@code of:.../p}
     * @throws IllegalArgumentException if malformed
     */
    static ConnectPoint parseConnectPoint(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not a connect point (of:<16 hex digits>/<port>): '" + text + "'");
        }
        DatapathId d = parseDevice(text.substring(0, slash));
        try {
            return ConnectPoint.of(d, Long.parseLong(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number in '" + text + "'", e);
        }
    }

    /**
     * @param text {@code of:} + hex digits
     * @throws IllegalArgumentException if malformed
     */
    static DatapathId parseDevice(String text) {
        String t = text.trim();
        if (!t.startsWith(OF + ":")) {
            throw new IllegalArgumentException("not an OpenFlow device id (of:<16 hex digits>): '" + text + "'");
        }
        return DatapathId.parse(t);
    }

    /**
     * @param text {@code of:.../p-of:.../q}
     * @throws IllegalArgumentException if malformed
     */
    static LinkKey parseLink(String text) {
        int dash = text.indexOf("-of:");
        if (dash <= 0) {
            throw new IllegalArgumentException("not a cable (of:.../p-of:.../q): '" + text + "'");
        }
        return LinkKey.of(parseConnectPoint(text.substring(0, dash)), parseConnectPoint(text.substring(dash + 1)));
    }
}
