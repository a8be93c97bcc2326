package org.ebbflow.onos.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEventSink;
import org.onosproject.net.AnnotationKeys;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Host;
import org.onosproject.net.Link;
import org.onosproject.net.Port;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.host.HostEvent;
import org.onosproject.net.host.HostService;
import org.onosproject.net.link.LinkEvent;
import org.onosproject.net.link.LinkService;

/**
 * Turns ONOS's devices, ports, links and hosts (state and events) into ebbflow discovery events. Only OpenFlow
 * devices ({@code of:}) and their physical ports count.
 *
 * <p>ONOS reports one "enabled" flag per port, the same for a port an operator disabled and one whose cable is
 * unplugged. ebbflow tells them apart with its own record: a disabled port that ebbflow or the operator (through
 * ebbflow) disabled is administratively down, any other disabled port has lost its link.
 */
final class OnosDiscovery {
    private final DeviceService devices;
    private final LinkService links;
    private final HostService hosts;
    private final DiscoveryEventSink sink;
    private final Predicate<ConnectPoint> disabledOnPurpose;
    private final LongSupplier clock;

    /**
     * @param disabledOnPurpose true for ports ebbflow or the operator disabled
     * @param clock epoch milliseconds
     */
    OnosDiscovery(DeviceService devices, LinkService links, HostService hosts, DiscoveryEventSink sink,
                  Predicate<ConnectPoint> disabledOnPurpose, LongSupplier clock) {
        this.devices = devices;
        this.links = links;
        this.hosts = hosts;
        this.sink = sink;
        this.disabledOnPurpose = disabledOnPurpose;
        this.clock = clock;
    }

    /** Reports everything ONOS knows now: devices with their ports, links, hosts. O(devices + ports + links + hosts). */
    void resync() {
        for (Device d : devices.getDevices()) {
            device(d.id());
        }
        refreshLinks();
        for (Host h : hosts.getHosts()) {
            host(h);
        }
    }

    /** Confirms every link ONOS has now (ONOS reports a link once; ebbflow's model expires unconfirmed links). */
    void refreshLinks() {
        long now = clock.getAsLong();
        for (Link l : links.getActiveLinks()) {
            LinkKey key = OnosNames.linkKey(l);
            if (key != null) {
                sink.accept(DiscoveryEvent.linkDiscovered(key, 0, now));
            }
        }
    }

    void onDeviceEvent(DeviceEvent e) {
        DeviceId id = e.subject().id();
        long now = clock.getAsLong();
        switch (e.type()) {
            case DEVICE_ADDED:
            case DEVICE_UPDATED:
            case DEVICE_AVAILABILITY_CHANGED:
                device(id);
                break;
            case DEVICE_REMOVED:
            case DEVICE_SUSPENDED:
                DatapathId dpid = OnosNames.dpid(id);
                if (dpid != null) {
                    sink.accept(DiscoveryEvent.switchDisconnected(dpid, now));
                }
                break;
            case PORT_ADDED:
            case PORT_UPDATED:
                PortInfo p = e.port() == null ? null : port(id, e.port());
                if (p != null) {
                    sink.accept(e.type() == DeviceEvent.Type.PORT_ADDED ? DiscoveryEvent.portAdded(p, now)
                            : DiscoveryEvent.portChanged(p, now));
                }
                break;
            case PORT_REMOVED:
                ConnectPoint cp = e.port() == null ? null
                        : OnosNames.connectPoint(new org.onosproject.net.ConnectPoint(id, e.port().number()));
                if (cp != null) {
                    sink.accept(DiscoveryEvent.portRemoved(cp, now));
                }
                break;
            default:
                break;
        }
    }

    void onLinkEvent(LinkEvent e) {
        LinkKey key = OnosNames.linkKey(e.subject());
        if (key == null) {
            return;
        }
        long now = clock.getAsLong();
        if (e.type() == LinkEvent.Type.LINK_REMOVED) {
            sink.accept(DiscoveryEvent.linkVanished(key, now));
        } else {
            sink.accept(DiscoveryEvent.linkDiscovered(key, 0, now));
        }
    }

    void onHostEvent(HostEvent e) {
        if (e.type() == HostEvent.Type.HOST_REMOVED) {
            sink.accept(DiscoveryEvent.hostVanished(MacAddress.parse(e.subject().mac().toString()),
                    clock.getAsLong()));
        } else {
            host(e.subject());
        }
    }

    private void device(DeviceId id) {
        DatapathId dpid = OnosNames.dpid(id);
        if (dpid == null) {
            return;
        }
        long now = clock.getAsLong();
        Device d = devices.getDevice(id);
        if (d == null || !devices.isAvailable(id)) {
            sink.accept(DiscoveryEvent.switchDisconnected(dpid, now));
            return;
        }
        List<PortInfo> ports = new ArrayList<>();
        for (Port p : devices.getPorts(id)) {
            PortInfo info = port(id, p);
            if (info != null) {
                ports.add(info);
            }
        }
        String name = d.annotations().value(AnnotationKeys.NAME);
        SwitchInfo sw = SwitchInfo.builder(dpid, name == null || name.isEmpty() ? id.toString() : name)
                .portCount(ports.size()).build();
        sink.accept(DiscoveryEvent.switchConnected(sw, ports, now));
    }

    private PortInfo port(DeviceId id, Port p) {
        ConnectPoint cp = OnosNames.connectPoint(new org.onosproject.net.ConnectPoint(id, p.number()));
        if (cp == null) {
            return null;
        }
        String name = p.annotations().value(AnnotationKeys.PORT_NAME);
        long speedBps = Math.max(0, p.portSpeed()) * 1_000_000L;
        boolean adminUp = p.isEnabled() || !disabledOnPurpose.test(cp);
        boolean linkUp = p.isEnabled() || !adminUp;
        return PortInfo.of(cp, name == null ? p.number().toString() : name, speedBps, adminUp, linkUp);
    }

    private void host(Host h) {
        if (h.location() == null) {
            return;
        }
        ConnectPoint at = OnosNames.connectPoint(h.location());
        if (at == null) {
            return;
        }
        HostEndpoint.Builder b = HostEndpoint.builder(MacAddress.parse(h.mac().toString()), at);
        for (org.onlab.packet.IpAddress ip : h.ipAddresses()) {
            if (ip.isIp4()) {
                b.addIp(IpAddress.parse(ip.toString()));
            }
        }
        sink.accept(DiscoveryEvent.hostSeen(b.build(), clock.getAsLong()));
    }
}
