package org.ebbflow.openflow.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.SwitchRole;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortState;

/** Turns OpenFlow switch and port descriptions into the topology model's {@link SwitchInfo} and {@link PortInfo}. */
public final class PortDescriptions {
    private static final Pattern POD_SWITCH = Pattern.compile("([ae])(\\d+)_\\d+");
    private static final Pattern CORE = Pattern.compile("c\\d+");
    private static final Pattern SPINE = Pattern.compile("s\\d+");
    private static final Pattern LEAF = Pattern.compile("l\\d+");

    private PortDescriptions() {
    }

    /**
     * @param speedBps the port speed to report in bits per second, or 0 to take the switch's (Open vSwitch reports
     *     10 Gbit/s for every veth whatever the emulated link's rate)
     * @return the port, admin-down when configured PORT_DOWN, link-down when its state says LINK_DOWN
     */
    public static PortInfo portInfo(DatapathId dpid, OFPortDesc d, long speedBps) {
        long speed = speedBps > 0 ? speedBps : Math.max(0, d.getCurrSpeed()) * 1000L;
        return PortInfo.of(ConnectPoint.of(dpid, SwitchConnection.portNumber(d.getPortNo())), d.getName(), speed,
                !d.getConfig().contains(OFPortConfig.PORT_DOWN), !d.getState().contains(OFPortState.LINK_DOWN));
    }

    /** @return the physical ports of a connected switch */
    public static List<PortInfo> ports(SwitchConnection sw, long speedBps) {
        List<PortInfo> out = new ArrayList<>();
        for (OFPortDesc d : sw.physicalPorts()) {
            out.add(portInfo(sw.dpid(), d, speedBps));
        }
        return out;
    }

    /**
     * Describes a switch by its name. Names of ebbflow's generators give the role (and pod): {@code c<j>} core,
     * {@code a<pod>_<i>} aggregation, {@code e<pod>_<i>} edge, {@code s<i>} spine, {@code l<j>} leaf; any other name
     * gives {@link SwitchRole#OTHER}.
     */
    public static SwitchInfo switchInfo(SwitchConnection sw) {
        String name = sw.name();
        SwitchInfo.Builder b = SwitchInfo.builder(sw.dpid(), name).portCount(sw.physicalPorts().size());
        Matcher m = POD_SWITCH.matcher(name);
        if (m.matches()) {
            b.role(m.group(1).equals("a") ? SwitchRole.AGGREGATION : SwitchRole.EDGE)
                    .pod(Integer.parseInt(m.group(2)));
        } else if (CORE.matcher(name).matches()) {
            b.role(SwitchRole.CORE);
        } else if (SPINE.matcher(name).matches()) {
            b.role(SwitchRole.SPINE);
        } else if (LEAF.matcher(name).matches()) {
            b.role(SwitchRole.LEAF);
        }
        return b.build();
    }
}
