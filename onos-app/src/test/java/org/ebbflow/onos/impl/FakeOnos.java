package org.ebbflow.onos.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.onlab.packet.ChassisId;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onlab.packet.VlanId;
import org.onosproject.cluster.ClusterServiceAdapter;
import org.onosproject.cluster.ControllerNode;
import org.onosproject.cluster.DefaultControllerNode;
import org.onosproject.cluster.LeadershipServiceAdapter;
import org.onosproject.cluster.NodeId;
import org.onosproject.mastership.MastershipServiceAdapter;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DefaultAnnotations;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.DefaultHost;
import org.onosproject.net.DefaultLink;
import org.onosproject.net.DefaultPort;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Host;
import org.onosproject.net.HostId;
import org.onosproject.net.HostLocation;
import org.onosproject.net.Link;
import org.onosproject.net.Port;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DefaultPortStatistics;
import org.onosproject.net.device.DeviceAdminService;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceServiceAdapter;
import org.onosproject.net.device.PortStatistics;
import org.onosproject.net.flow.DefaultFlowEntry;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleServiceAdapter;
import org.onosproject.net.host.HostListener;
import org.onosproject.net.host.HostServiceAdapter;
import org.onosproject.net.link.LinkEvent;
import org.onosproject.net.link.LinkListener;
import org.onosproject.net.link.LinkServiceAdapter;
import org.onosproject.net.provider.ProviderId;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.ConsistentMapBuilder;
import org.onosproject.store.service.AsyncConsistentMap;
import org.onosproject.store.service.StorageServiceAdapter;
import org.onosproject.store.service.TestConsistentMap;

/**
 * One simulated ONOS cluster view over a leaf-spine fabric, built from ONOS's model classes and test adapters: devices
 * with ports and cumulative counters, links that ONOS drops when a port is disabled (as the LLDP provider does),
 * hosts, staged flow-rule operations confirmed at once, and one log of every write in execution order. Several
 * managers (cluster nodes) share one instance; each gets its own listeners.
 */
final class FakeOnos {
    static final ProviderId PID = new ProviderId("of", "ebbflow.test");
    static final long SPEED_MBPS = 1000;

    final Map<DeviceId, Device> devices = new LinkedHashMap<>();
    final Map<DeviceId, Map<PortNumber, Port>> ports = new LinkedHashMap<>();
    final Set<Link> allLinks = new HashSet<>();
    final Set<Link> activeLinks = new HashSet<>();
    final List<Host> hosts = new ArrayList<>();
    final Map<ConnectPoint, long[]> counters = new HashMap<>();
    final Set<DeviceId> masterless = new HashSet<>();
    /** Every write in order: "disable of:.../p", "enable ...", "flows <stages>". */
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<FlowRuleOperations> operations = new CopyOnWriteArrayList<>();
    final List<DeviceListener> deviceListeners = new CopyOnWriteArrayList<>();
    final List<LinkListener> linkListeners = new CopyOnWriteArrayList<>();
    final List<HostListener> hostListeners = new CopyOnWriteArrayList<>();
    final Map<String, ConsistentMap<String, String>> maps = new HashMap<>();
    NodeId leader;
    long durationSec;
    /** When set, links of re-enabled ports come back only on {@link #discover()} (an LLDP probe round). */
    boolean deferLinks;

    /** A leaf-spine: {@code spines} spines, {@code leaves} leaves, each leaf with {@code hostsPerLeaf} hosts. */
    static FakeOnos leafSpine(int spines, int leaves, int hostsPerLeaf) {
        FakeOnos f = new FakeOnos();
        for (int s = 1; s <= spines; s++) {
            f.device(s, leaves);
        }
        for (int l = 1; l <= leaves; l++) {
            f.device(100 + l, spines + hostsPerLeaf);
            for (int s = 1; s <= spines; s++) {
                f.cable(cp(100 + l, s), cp(s, l));
            }
            for (int h = 1; h <= hostsPerLeaf; h++) {
                int n = (l - 1) * hostsPerLeaf + h;
                MacAddress mac = MacAddress.valueOf(String.format("00:00:00:00:00:%02x", n));
                f.hosts.add(new DefaultHost(PID, HostId.hostId(mac), mac, VlanId.NONE,
                        new HostLocation(cp(100 + l, spines + h), 0), Collections.singleton(
                                IpAddress.valueOf("10.0.0." + n))));
            }
        }
        return f;
    }

    static DeviceId did(int n) {
        return DeviceId.deviceId(String.format("of:%016x", n));
    }

    static ConnectPoint cp(int device, long port) {
        return new ConnectPoint(did(device), PortNumber.portNumber(port));
    }

    static String mac(int host) {
        return String.format("00:00:00:00:00:%02x", host);
    }

    private void device(int n, int portCount) {
        DeviceId id = did(n);
        Device d = new DefaultDevice(PID, id, Device.Type.SWITCH, "ebbflow", "1", "1", "sn", new ChassisId(n),
                DefaultAnnotations.builder().set("name", "s" + n).build());
        devices.put(id, d);
        Map<PortNumber, Port> m = new LinkedHashMap<>();
        for (int p = 1; p <= portCount; p++) {
            m.put(PortNumber.portNumber(p), new DefaultPort(d, PortNumber.portNumber(p), true, Port.Type.COPPER,
                    SPEED_MBPS));
            counters.put(cp(n, p), new long[2]);
        }
        ports.put(id, m);
    }

    private void cable(ConnectPoint a, ConnectPoint b) {
        for (Link l : new Link[] {link(a, b), link(b, a)}) {
            allLinks.add(l);
            activeLinks.add(l);
        }
    }

    static Link link(ConnectPoint a, ConnectPoint b) {
        return DefaultLink.builder().providerId(PID).src(a).dst(b).type(Link.Type.DIRECT).state(Link.State.ACTIVE)
                .build();
    }

    /** Adds {@code bytes} in both directions of every enabled port, advances the port clock and posts the event. */
    void traffic(long bytesPerPort, long stepSec) {
        durationSec += stepSec;
        for (Map.Entry<ConnectPoint, long[]> e : counters.entrySet()) {
            Port p = ports.get(e.getKey().deviceId()).get(e.getKey().port());
            if (p.isEnabled()) {
                e.getValue()[0] += bytesPerPort;
                e.getValue()[1] += bytesPerPort;
            }
        }
        for (Device d : devices.values()) {
            post(new DeviceEvent(DeviceEvent.Type.PORT_STATS_UPDATED, d));
        }
    }

    List<PortStatistics> stats(DeviceId id) {
        List<PortStatistics> out = new ArrayList<>();
        for (Port p : ports.get(id).values()) {
            long[] c = counters.get(new ConnectPoint(id, p.number()));
            out.add(DefaultPortStatistics.builder().setDeviceId(id).setPort(p.number()).setBytesReceived(c[0])
                    .setBytesSent(c[1]).setPacketsReceived(c[0] / 1000).setPacketsSent(c[1] / 1000)
                    .setDurationSec(durationSec).build());
        }
        return out;
    }

    void post(DeviceEvent e) {
        for (DeviceListener l : deviceListeners) {
            l.event(e);
        }
    }

    /** ONOS's reaction to a port state change: the port event, and the LLDP provider dropping or finding links. */
    void changePort(DeviceId id, PortNumber number, boolean enable) {
        log.add((enable ? "enable " : "disable ") + id + "/" + number.toLong());
        Port old = ports.get(id).get(number);
        Port p = new DefaultPort(old.element(), number, enable, Port.Type.COPPER, SPEED_MBPS);
        ports.get(id).put(number, p);
        post(new DeviceEvent(DeviceEvent.Type.PORT_UPDATED, devices.get(id), p));
        for (Link l : allLinks) {
            boolean touches = l.src().deviceId().equals(id) && l.src().port().equals(number)
                    || l.dst().deviceId().equals(id) && l.dst().port().equals(number);
            if (!touches) {
                continue;
            }
            boolean up = isEnabled(l.src()) && isEnabled(l.dst());
            if (!up && activeLinks.remove(l)) {
                for (LinkListener ll : linkListeners) {
                    ll.event(new LinkEvent(LinkEvent.Type.LINK_REMOVED, l));
                }
            } else if (up && !deferLinks && activeLinks.add(l)) {
                for (LinkListener ll : linkListeners) {
                    ll.event(new LinkEvent(LinkEvent.Type.LINK_ADDED, l));
                }
            }
        }
    }

    /** An LLDP probe round: every link whose two ports are enabled is (again) reported. */
    void discover() {
        for (Link l : allLinks) {
            if (isEnabled(l.src()) && isEnabled(l.dst()) && activeLinks.add(l)) {
                for (LinkListener ll : linkListeners) {
                    ll.event(new LinkEvent(LinkEvent.Type.LINK_ADDED, l));
                }
            }
        }
    }

    boolean isEnabled(ConnectPoint cp) {
        return ports.get(cp.deviceId()).get(cp.port()).isEnabled();
    }

    /** @return the writes in the log of one kind ("enable", "disable", "flows") */
    long count(String prefix) {
        return log.stream().filter(s -> s.startsWith(prefix)).count();
    }

    // ---- the services, one set per node

    final class Devices extends DeviceServiceAdapter implements DeviceAdminService {
        @Override
        public Iterable<Device> getDevices() {
            return new ArrayList<>(devices.values());
        }

        @Override
        public Device getDevice(DeviceId id) {
            return devices.get(id);
        }

        @Override
        public boolean isAvailable(DeviceId id) {
            return devices.containsKey(id);
        }

        @Override
        public List<Port> getPorts(DeviceId id) {
            return new ArrayList<>(ports.getOrDefault(id, Collections.emptyMap()).values());
        }

        @Override
        public Port getPort(DeviceId id, PortNumber n) {
            return ports.get(id).get(n);
        }

        @Override
        public List<PortStatistics> getPortStatistics(DeviceId id) {
            return stats(id);
        }

        @Override
        public void addListener(DeviceListener l) {
            deviceListeners.add(l);
        }

        @Override
        public void removeListener(DeviceListener l) {
            deviceListeners.remove(l);
        }

        @Override
        public void removeDevice(DeviceId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changePortState(DeviceId id, PortNumber n, boolean enable) {
            changePort(id, n, enable);
        }
    }

    final class Links extends LinkServiceAdapter {
        @Override
        public Iterable<Link> getActiveLinks() {
            return new ArrayList<>(activeLinks);
        }

        @Override
        public Iterable<Link> getLinks() {
            return new ArrayList<>(activeLinks);
        }

        @Override
        public Link getLink(ConnectPoint src, ConnectPoint dst) {
            for (Link l : activeLinks) {
                if (l.src().equals(src) && l.dst().equals(dst)) {
                    return l;
                }
            }
            return null;
        }

        @Override
        public void addListener(LinkListener l) {
            linkListeners.add(l);
        }

        @Override
        public void removeListener(LinkListener l) {
            linkListeners.remove(l);
        }
    }

    final class Hosts extends HostServiceAdapter {
        @Override
        public Iterable<Host> getHosts() {
            return new ArrayList<>(hosts);
        }

        @Override
        public void addListener(HostListener l) {
            hostListeners.add(l);
        }

        @Override
        public void removeListener(HostListener l) {
            hostListeners.remove(l);
        }
    }

    /** The cluster's flow-rule store: rules by ONOS identity (device, table, priority, selector), shared by nodes. */
    final Map<String, FlowEntry> flowTable = new LinkedHashMap<>();
    /** Operations still to fail (the next ones report onError and change nothing). */
    int failFlows;

    /** Puts a rule in the store as if installed earlier (by another app, or an earlier ebbflow leader). */
    void installed(FlowRule r) {
        flowTable.put(Actuation.ruleKey(r), new DefaultFlowEntry(r, FlowEntry.FlowEntryState.ADDED, 0, 0, 0));
    }

    /** Adds {@code bytes} to the counters of the stored rules that match. */
    void count(java.util.function.Predicate<FlowEntry> which, long bytes) {
        for (Map.Entry<String, FlowEntry> e : flowTable.entrySet()) {
            FlowEntry f = e.getValue();
            if (which.test(f)) {
                e.setValue(new DefaultFlowEntry(f, f.state(), f.life() + 1, f.packets() + bytes / 1000,
                        f.bytes() + bytes));
            }
        }
    }

    /** @return the stored rules of one application */
    List<FlowEntry> rulesOf(short appId) {
        List<FlowEntry> out = new ArrayList<>();
        for (FlowEntry f : flowTable.values()) {
            if (f.appId() == appId) {
                out.add(f);
            }
        }
        return out;
    }

    final class Flows extends FlowRuleServiceAdapter {
        @Override
        public void apply(FlowRuleOperations ops) {
            operations.add(ops);
            log.add("flows " + ops.stages().size() + " stages");
            if (failFlows > 0) {
                failFlows--;
                ops.callback().onError(ops);
                return;
            }
            for (Set<FlowRuleOperation> stage : ops.stages()) {
                for (FlowRuleOperation op : stage) {
                    if (op.type() == FlowRuleOperation.Type.REMOVE) {
                        flowTable.remove(Actuation.ruleKey(op.rule()));
                    } else {
                        installed(op.rule());
                    }
                }
            }
            ops.callback().onSuccess(ops);
        }

        @Override
        public Iterable<FlowEntry> getFlowEntriesById(org.onosproject.core.ApplicationId id) {
            return rulesOf(id.id());
        }

        @Override
        public Iterable<FlowEntry> getFlowEntries(DeviceId id) {
            List<FlowEntry> out = new ArrayList<>();
            for (FlowEntry f : flowTable.values()) {
                if (f.deviceId().equals(id)) {
                    out.add(f);
                }
            }
            return out;
        }
    }

    final class Leadership extends LeadershipServiceAdapter {
        @Override
        public NodeId getLeader(String path) {
            return leader;
        }
    }

    static final class Cluster extends ClusterServiceAdapter {
        private final ControllerNode node;

        Cluster(String id) {
            node = new DefaultControllerNode(new NodeId(id), IpAddress.valueOf("127.0.0.1"));
        }

        @Override
        public ControllerNode getLocalNode() {
            return node;
        }
    }

    final class Mastership extends MastershipServiceAdapter {
        @Override
        public NodeId getMasterFor(DeviceId id) {
            return masterless.contains(id) ? null : new NodeId("master");
        }
    }

    /** One map per name, shared by every node: the cluster's consistent store. */
    final class Storage extends StorageServiceAdapter {
        @Override
        @SuppressWarnings("unchecked")
        public <K, V> ConsistentMapBuilder<K, V> consistentMapBuilder() {
            return (ConsistentMapBuilder<K, V>) new ConsistentMapBuilder<String, String>() {
                @Override
                public AsyncConsistentMap<String, String> buildAsyncMap() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public ConsistentMap<String, String> build() {
                    return maps.computeIfAbsent(name(),
                            n -> {
                                TestConsistentMap.Builder<String, String> b = TestConsistentMap.builder();
                                b.withName(n);
                                return (ConsistentMap<String, String>) b.build();
                            });
                }
            };
        }
    }

    Collection<Link> active() {
        return activeLinks;
    }
}
