package org.ebbflow.planner.plan;

import java.util.Objects;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.MacAddress;

/**
 * One forwarding rule: on a switch, traffic of one demand goes out of one port. The match is the demand: between
 * hosts, their MAC addresses plus the class (an actuator maps the class to a DSCP value and finer fields, such as
 * container ports, to tell apart demands between the same hosts by {@link #demandId()}); between switches (host-less
 * topologies), the ingress and egress switches. The cookie is the rule's id, which a controller stores in the
 * OpenFlow cookie to remove exactly this rule later: {@value #COOKIE_TAG_HEX} in the top 16 bits, then 48 bits of a
 * hash of (demand id, match, switch, output port), so the same rule gets the same cookie in every plan. Immutable.
 */
public final class FlowRule {
    /** The tag in a cookie's top 16 bits. */
    public static final long COOKIE_TAG = 0xEBBFL;
    /** The tag as text, for the documentation. */
    public static final String COOKIE_TAG_HEX = "0xEBBF";
    /** OpenFlow's LOCAL port: where a host-less demand leaves the network at its egress switch. */
    public static final long PORT_LOCAL = 0xFFFF_FFFEL;

    private final DatapathId device;
    private final long demandId;
    private final DemandClass demandClass;
    private final MacAddress srcMac;
    private final MacAddress dstMac;
    private final DatapathId ingress;
    private final DatapathId egress;
    private final long outPort;
    private final long cookie;

    FlowRule(DatapathId device, long demandId, DemandClass demandClass, MacAddress srcMac, MacAddress dstMac,
             DatapathId ingress, DatapathId egress, long outPort, long matchKey) {
        this.device = Objects.requireNonNull(device, "device");
        this.demandId = demandId;
        this.demandClass = Objects.requireNonNull(demandClass, "demandClass");
        this.srcMac = srcMac;
        this.dstMac = dstMac;
        this.ingress = Objects.requireNonNull(ingress, "ingress");
        this.egress = Objects.requireNonNull(egress, "egress");
        this.outPort = outPort;
        this.cookie = cookieOf(demandId, matchKey, device.value(), outPort);
    }

    /**
     * @param demandId the demand
     * @param matchKey a hash of the demand's match (class and endpoints), so a changed match gets new cookies
     * @param device the switch's datapath id
     * @param outPort the output port
     * @return the cookie
     */
    static long cookieOf(long demandId, long matchKey, long device, long outPort) {
        long z = demandId * 0x9E3779B97F4A7C15L ^ matchKey ^ device * 0xC2B2AE3D27D4EB4FL
                ^ outPort * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return COOKIE_TAG << 48 | (z & 0xFFFF_FFFF_FFFFL);
    }

    /** @return the switch the rule is on */
    public DatapathId device() {
        return device;
    }

    /** @return the demand it forwards */
    public long demandId() {
        return demandId;
    }

    /** @return the demand's class */
    public DemandClass demandClass() {
        return demandClass;
    }

    /** @return the source host's MAC, or null between switches */
    public MacAddress srcMac() {
        return srcMac;
    }

    /** @return the destination host's MAC, or null between switches */
    public MacAddress dstMac() {
        return dstMac;
    }

    /** @return the switch where the demand enters */
    public DatapathId ingress() {
        return ingress;
    }

    /** @return the switch where the demand leaves */
    public DatapathId egress() {
        return egress;
    }

    /** @return the OpenFlow output port ({@link #PORT_LOCAL} at a host-less egress) */
    public long outPort() {
        return outPort;
    }

    /** @return the rule's id for the OpenFlow cookie */
    public long cookie() {
        return cookie;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowRule)) {
            return false;
        }
        FlowRule r = (FlowRule) o;
        return device.equals(r.device) && demandId == r.demandId && demandClass == r.demandClass
                && Objects.equals(srcMac, r.srcMac) && Objects.equals(dstMac, r.dstMac) && ingress.equals(r.ingress)
                && egress.equals(r.egress) && outPort == r.outPort;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(cookie);
    }

    @Override
    public String toString() {
        return device + ": demand " + demandId + " (" + (srcMac != null ? srcMac + "->" + dstMac
                : ingress + "->" + egress) + ", " + demandClass.token() + ") -> port " + outPort + " cookie 0x"
                + Long.toHexString(cookie);
    }
}
