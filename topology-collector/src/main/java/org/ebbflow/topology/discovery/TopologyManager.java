package org.ebbflow.topology.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.MacAddress;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the topology model up to date from discovery events and ebbflow's sleep records, emits
 * {@link TopologyEvent}s, and builds an immutable {@link TopologySnapshot} lazily, at most once per version.
 *
 * <p>Applying an event costs time proportional to the degree of what it touches, not to the network's size, so a
 * k=48 fabric absorbs bursts of events; a snapshot costs time proportional to the network and is built only when
 * asked for. All methods are thread-safe.
 */
public final class TopologyManager implements TopologyService, DiscoveryEventSink {
    /** Links not rediscovered and switches disconnected for this long are removed (ONOS's staleLinkAge). */
    public static final long DEFAULT_EXPIRY_MILLIS = 10_000;
    /** Capacity given to a link when neither the event nor its ports tell one. */
    public static final long DEFAULT_LINK_BPS = 1_000_000_000L;

    private static final Logger log = LoggerFactory.getLogger(TopologyManager.class);

    private final long expiryMillis;
    private final Map<DatapathId, SwitchRecord> switches = new HashMap<>();
    private final Map<LinkKey, LinkRecord> links = new HashMap<>();
    private final Map<ConnectPoint, List<LinkKey>> linksAtPort = new HashMap<>();
    private final Map<MacAddress, HostEndpoint> hosts = new HashMap<>();
    /** How many known hosts attach at each port: lets link and port changes skip scanning every host. */
    private final Map<ConnectPoint, Integer> hostCountAt = new HashMap<>();
    private final List<TopologyListener> listeners = new CopyOnWriteArrayList<>();
    private long version;
    private TopologySnapshot cached = TopologySnapshot.empty();
    /** Link records in key order, kept between snapshots until a link is added or removed; null = stale. */
    private List<LinkRecord> sortedLinks;

    /** A manager with {@link #DEFAULT_EXPIRY_MILLIS}. */
    public TopologyManager() {
        this(DEFAULT_EXPIRY_MILLIS);
    }

    /** @param expiryMillis how long unconfirmed links and disconnected switches are kept, positive */
    public TopologyManager(long expiryMillis) {
        if (expiryMillis <= 0) {
            throw new IllegalArgumentException("expiry must be positive: " + expiryMillis);
        }
        this.expiryMillis = expiryMillis;
    }

    // ---- records

    private static final class SwitchRecord {
        SwitchInfo info;
        /** Sorted by port number, the order snapshots list them in. */
        final Map<Long, PortInfo> ports = new TreeMap<>();
        boolean connected;
        boolean asleep;
        long changedMillis;

        SwitchRecord(SwitchInfo info) {
            this.info = info;
        }

        ElementState state() {
            return asleep ? ElementState.ASLEEP : connected ? ElementState.ACTIVE : ElementState.FAILED;
        }
    }

    private static final class LinkRecord {
        Link link;
        long lastSeenMillis;
        boolean vanished;
        boolean asleep;

        LinkRecord(Link link, long lastSeenMillis) {
            this.link = link;
            this.lastSeenMillis = lastSeenMillis;
        }

        ElementState ownState() {
            return asleep ? ElementState.ASLEEP : vanished ? ElementState.FAILED : ElementState.ACTIVE;
        }
    }

    // ---- TopologyService

    @Override
    public synchronized TopologySnapshot snapshot() {
        if (cached.version() != version) {
            cached = buildSnapshot();
        }
        return cached;
    }

    @Override
    public synchronized long version() {
        return version;
    }

    @Override
    public void addListener(TopologyListener listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
        }
    }

    @Override
    public void removeListener(TopologyListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized void setSwitchAsleep(DatapathId dpid, boolean asleep, long atMillis) {
        SwitchRecord r = switches.get(dpid);
        if (r == null || r.asleep == asleep) {
            return;
        }
        Watch w = watchSwitch(dpid);
        r.asleep = asleep;
        r.changedMillis = atMillis;
        w.emitChanges(atMillis);
    }

    @Override
    public synchronized void setLinkAsleep(LinkKey key, boolean asleep, long atMillis) {
        LinkRecord r = links.get(key);
        if (r == null || r.asleep == asleep) {
            return;
        }
        Watch w = new Watch();
        w.port(key.src());
        w.port(key.dst());
        r.asleep = asleep;
        if (!asleep) {
            // Woken: it must be rediscovered before it counts as usable again; the expiry starts now.
            r.lastSeenMillis = atMillis;
        }
        w.emitChanges(atMillis);
    }

    @Override
    public synchronized int expire(long nowMillis) {
        int removed = 0;
        List<LinkKey> stale = new ArrayList<>();
        for (LinkRecord r : links.values()) {
            if (nowMillis - r.lastSeenMillis > expiryMillis && !isProtected(r)) {
                stale.add(r.link.key());
            }
        }
        for (LinkKey key : stale) {
            removeLink(key, nowMillis);
            removed++;
        }
        List<DatapathId> gone = new ArrayList<>();
        for (SwitchRecord r : switches.values()) {
            if (!r.connected && !r.asleep && nowMillis - r.changedMillis > expiryMillis) {
                gone.add(r.info.dpid());
            }
        }
        for (DatapathId dpid : gone) {
            removeSwitch(dpid, nowMillis);
            removed++;
        }
        return removed;
    }

    // ---- DiscoveryEventSink

    @Override
    public synchronized void accept(DiscoveryEvent e) {
        switch (e.type()) {
            case SWITCH_CONNECTED:
                switchConnected(e.switchInfo(), e.ports(), e.atMillis());
                break;
            case SWITCH_DISCONNECTED:
                switchDisconnected(e.dpid(), e.atMillis());
                break;
            case PORT_ADDED:
            case PORT_CHANGED:
                portChanged(e.port(), e.atMillis());
                break;
            case PORT_REMOVED:
                if (switches.containsKey(e.dpid())) {
                    removePort(e.connectPoint(), e.atMillis());
                }
                break;
            case LINK_DISCOVERED:
                linkDiscovered(e.linkKey(), e.capacityBps(), e.atMillis());
                break;
            case LINK_VANISHED:
                linkVanished(e.linkKey(), e.atMillis());
                break;
            case HOST_SEEN:
                hostSeen(e.host(), e.atMillis());
                break;
            case HOST_VANISHED:
                HostEndpoint old = hosts.remove(e.mac());
                if (old != null) {
                    countHostAt(old.attachment(), -1);
                    emit(TopologyEvent.ofHost(TopologyEvent.Type.HOST_REMOVED, ++version, e.atMillis(), old, null));
                }
                break;
            default:
                throw new IllegalStateException("unhandled discovery event " + e.type());
        }
    }

    private void switchConnected(SwitchInfo info, List<PortInfo> ports, long at) {
        SwitchRecord r = switches.get(info.dpid());
        if (r == null) {
            r = new SwitchRecord(info);
            r.connected = true;
            r.changedMillis = at;
            switches.put(info.dpid(), r);
            emit(TopologyEvent.ofSwitch(TopologyEvent.Type.SWITCH_ADDED, ++version, at, info.dpid(), r.state()));
            for (PortInfo p : ports) {
                r.ports.put(p.connectPoint().portNumber(), p);
                emit(TopologyEvent.ofPort(TopologyEvent.Type.PORT_ADDED, ++version, at, p.connectPoint(),
                        portState(p.connectPoint())));
            }
            return;
        }
        Watch w = watchSwitch(info.dpid());
        if (!r.info.equals(info)) {
            r.info = info;
            version++;
        }
        r.connected = true;
        r.changedMillis = at;
        Set<Long> listed = new LinkedHashSet<>();
        for (PortInfo p : ports) {
            listed.add(p.connectPoint().portNumber());
        }
        for (Long number : new ArrayList<>(r.ports.keySet())) {
            if (!listed.contains(number)) {
                removePort(ConnectPoint.of(info.dpid(), number), at);
            }
        }
        for (PortInfo p : ports) {
            putPort(r, p, at);
        }
        w.emitChanges(at);
    }

    private void switchDisconnected(DatapathId dpid, long at) {
        SwitchRecord r = switches.get(dpid);
        if (r == null || !r.connected) {
            return;
        }
        Watch w = watchSwitch(dpid);
        r.connected = false;
        r.changedMillis = at;
        version++;
        w.emitChanges(at);
    }

    private void portChanged(PortInfo p, long at) {
        SwitchRecord r = switches.get(p.connectPoint().dpid());
        if (r == null) {
            log.debug("port event for unknown switch ignored: {}", p);
            return;
        }
        Watch w = new Watch();
        w.port(p.connectPoint());
        putPort(r, p, at);
        w.emitChanges(at);
    }

    /** Adds or replaces a port; emits PORT_ADDED for a new one (state changes are the caller's watch's job). */
    private void putPort(SwitchRecord r, PortInfo p, long at) {
        PortInfo old = r.ports.put(p.connectPoint().portNumber(), p);
        if (old == null) {
            emit(TopologyEvent.ofPort(TopologyEvent.Type.PORT_ADDED, ++version, at, p.connectPoint(),
                    portState(p.connectPoint())));
        } else if (!old.equals(p)) {
            version++;
        }
    }

    private void removePort(ConnectPoint cp, long at) {
        SwitchRecord r = switches.get(cp.dpid());
        if (r == null || r.ports.remove(cp.portNumber()) == null) {
            return;
        }
        for (LinkKey key : new ArrayList<>(linksAt(cp))) {
            removeLink(key, at);
        }
        if (hasHostsAt(cp)) {
            removeHostsAt(h -> h.attachment().equals(cp), at);
        }
        emit(TopologyEvent.ofPort(TopologyEvent.Type.PORT_REMOVED, ++version, at, cp, null));
    }

    private void removeSwitch(DatapathId dpid, long at) {
        SwitchRecord r = switches.get(dpid);
        for (Long number : new ArrayList<>(r.ports.keySet())) {
            removePort(ConnectPoint.of(dpid, number), at);
        }
        // Links may end at ports the switch never described.
        List<LinkKey> attached = new ArrayList<>();
        for (LinkKey key : links.keySet()) {
            if (key.src().dpid().equals(dpid) || key.dst().dpid().equals(dpid)) {
                attached.add(key);
            }
        }
        for (LinkKey key : attached) {
            removeLink(key, at);
        }
        removeHostsAt(h -> h.attachment().dpid().equals(dpid), at);
        switches.remove(dpid);
        emit(TopologyEvent.ofSwitch(TopologyEvent.Type.SWITCH_REMOVED, ++version, at, dpid, null));
    }

    private void linkDiscovered(LinkKey key, long capacityBps, long at) {
        SwitchRecord src = switches.get(key.src().dpid());
        SwitchRecord dst = switches.get(key.dst().dpid());
        if (src == null || dst == null) {
            log.debug("link between unknown switches ignored: {}", key);
            return;
        }
        LinkRecord r = links.get(key);
        if (r != null) {
            r.lastSeenMillis = at;
            long capacity = capacityBps > 0 ? capacityBps : r.link.capacityBps();
            if (r.vanished || capacity != r.link.capacityBps()) {
                Watch w = new Watch();
                w.link(key);
                r.vanished = false;
                r.link = Link.of(key, capacity, ElementState.ACTIVE);
                version++;
                w.emitChanges(at);
            }
            return;
        }
        long capacity = capacityBps > 0 ? capacityBps : portCapacity(src, key.src(), dst, key.dst());
        Watch w = new Watch();
        w.port(key.src());
        w.port(key.dst());
        links.put(key, new LinkRecord(Link.of(key, capacity, ElementState.ACTIVE), at));
        sortedLinks = null;
        linksAtPort.computeIfAbsent(key.src(), k -> new ArrayList<>(1)).add(key);
        linksAtPort.computeIfAbsent(key.dst(), k -> new ArrayList<>(1)).add(key);
        emit(TopologyEvent.ofLink(TopologyEvent.Type.LINK_ADDED, ++version, at, key, linkState(links.get(key))));
        // Hosts learned on what turns out to be an infrastructure port were mislearned.
        if (hasHostsAt(key.src()) || hasHostsAt(key.dst())) {
            removeHostsAt(h -> h.attachment().equals(key.src()) || h.attachment().equals(key.dst()), at);
        }
        w.emitChanges(at);
    }

    private long portCapacity(SwitchRecord src, ConnectPoint s, SwitchRecord dst, ConnectPoint d) {
        PortInfo a = src.ports.get(s.portNumber());
        PortInfo b = dst.ports.get(d.portNumber());
        long sa = a == null ? 0 : a.speedBps();
        long sb = b == null ? 0 : b.speedBps();
        long min = sa == 0 ? sb : sb == 0 ? sa : Math.min(sa, sb);
        return min > 0 ? min : DEFAULT_LINK_BPS;
    }

    private void linkVanished(LinkKey key, long at) {
        LinkRecord r = links.get(key);
        if (r == null) {
            return;
        }
        if (isProtected(r)) {
            // Asleep or administratively down: keep it known so it can be brought back.
            if (!r.vanished) {
                Watch w = new Watch();
                w.link(key);
                r.vanished = true;
                version++;
                w.emitChanges(at);
            }
            return;
        }
        removeLink(key, at);
    }

    private boolean isProtected(LinkRecord r) {
        ElementState s = linkState(r);
        return s == ElementState.ASLEEP || s == ElementState.ADMIN_DOWN;
    }

    private void removeLink(LinkKey key, long at) {
        if (links.remove(key) == null) {
            return;
        }
        sortedLinks = null;
        unindex(key.src(), key);
        unindex(key.dst(), key);
        emit(TopologyEvent.ofLink(TopologyEvent.Type.LINK_REMOVED, ++version, at, key, null));
    }

    private void unindex(ConnectPoint cp, LinkKey key) {
        List<LinkKey> at = linksAtPort.get(cp);
        if (at != null) {
            at.remove(key);
            if (at.isEmpty()) {
                linksAtPort.remove(cp);
            }
        }
    }

    private void hostSeen(HostEndpoint h, long at) {
        ConnectPoint cp = h.attachment();
        if (!switches.containsKey(cp.dpid())) {
            log.debug("host at unknown switch ignored: {}", h);
            return;
        }
        if (linksAtPort.containsKey(cp)) {
            log.debug("host seen at infrastructure port ignored: {}", h);
            return;
        }
        HostEndpoint old = hosts.put(h.mac(), h);
        if (old == null || !old.attachment().equals(cp)) {
            if (old != null) {
                countHostAt(old.attachment(), -1);
            }
            countHostAt(cp, 1);
        }
        if (old == null) {
            emit(TopologyEvent.ofHost(TopologyEvent.Type.HOST_ADDED, ++version, at, h, null));
        } else if (!old.attachment().equals(cp)) {
            emit(TopologyEvent.ofHost(TopologyEvent.Type.HOST_MOVED, ++version, at, h, old.attachment()));
        } else if (!old.equals(h)) {
            emit(TopologyEvent.ofHost(TopologyEvent.Type.HOST_UPDATED, ++version, at, h, null));
        }
    }

    private void removeHostsAt(Predicate<HostEndpoint> where, long at) {
        if (hosts.isEmpty()) {
            return;
        }
        Iterator<HostEndpoint> it = hosts.values().iterator();
        List<HostEndpoint> removed = new ArrayList<>(0);
        while (it.hasNext()) {
            HostEndpoint h = it.next();
            if (where.test(h)) {
                it.remove();
                removed.add(h);
            }
        }
        for (HostEndpoint h : removed) {
            countHostAt(h.attachment(), -1);
            emit(TopologyEvent.ofHost(TopologyEvent.Type.HOST_REMOVED, ++version, at, h, null));
        }
    }

    private boolean hasHostsAt(ConnectPoint cp) {
        return hostCountAt.containsKey(cp);
    }

    private void countHostAt(ConnectPoint cp, int delta) {
        hostCountAt.merge(cp, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    // ---- effective states (the same rules as TopologySnapshot)

    private List<LinkKey> linksAt(ConnectPoint cp) {
        List<LinkKey> l = linksAtPort.get(cp);
        return l == null ? List.of() : l;
    }

    private ElementState switchState(DatapathId dpid) {
        SwitchRecord r = switches.get(dpid);
        return r == null ? ElementState.FAILED : r.state();
    }

    /** @return the port's own state, ASLEEP when a link on it is asleep; null if unknown */
    private ElementState portOwnState(ConnectPoint cp) {
        SwitchRecord r = switches.get(cp.dpid());
        PortInfo p = r == null ? null : r.ports.get(cp.portNumber());
        if (p == null) {
            return null;
        }
        ElementState s = p.state();
        for (LinkKey key : linksAt(cp)) {
            LinkRecord l = links.get(key);
            if (l != null && l.asleep) {
                s = s.combine(ElementState.ASLEEP);
            }
        }
        return s;
    }

    private ElementState portState(ConnectPoint cp) {
        ElementState own = portOwnState(cp);
        return own == null ? null : own.combine(switchState(cp.dpid()));
    }

    private ElementState linkState(LinkRecord r) {
        LinkKey key = r.link.key();
        ElementState s = r.ownState().combine(switchState(key.src().dpid())).combine(switchState(key.dst().dpid()));
        ElementState ps = portState(key.src());
        ElementState pd = portState(key.dst());
        if (ps != null) {
            s = s.combine(ps);
        }
        if (pd != null) {
            s = s.combine(pd);
        }
        return s;
    }

    /** Remembers the effective states of some elements so that a change can report what it altered. */
    private final class Watch {
        private final Map<DatapathId, ElementState> switchBefore = new LinkedHashMap<>();
        private final Map<ConnectPoint, ElementState> portBefore = new LinkedHashMap<>();
        private final Map<LinkKey, ElementState> linkBefore = new LinkedHashMap<>();

        void port(ConnectPoint cp) {
            portBefore.put(cp, portState(cp));
            for (LinkKey key : linksAt(cp)) {
                link(key);
            }
        }

        void link(LinkKey key) {
            LinkRecord r = links.get(key);
            linkBefore.put(key, r == null ? null : linkState(r));
        }

        void emitChanges(long at) {
            for (Map.Entry<DatapathId, ElementState> e : switchBefore.entrySet()) {
                SwitchRecord r = switches.get(e.getKey());
                if (r != null && e.getValue() != null && r.state() != e.getValue()) {
                    emit(TopologyEvent.ofSwitch(TopologyEvent.Type.SWITCH_STATE_CHANGED, ++version, at, e.getKey(),
                            r.state()));
                }
            }
            for (Map.Entry<ConnectPoint, ElementState> e : portBefore.entrySet()) {
                ElementState now = portState(e.getKey());
                if (now != null && e.getValue() != null && now != e.getValue()) {
                    emit(TopologyEvent.ofPort(TopologyEvent.Type.PORT_STATE_CHANGED, ++version, at, e.getKey(), now));
                }
            }
            for (Map.Entry<LinkKey, ElementState> e : linkBefore.entrySet()) {
                LinkRecord r = links.get(e.getKey());
                ElementState now = r == null ? null : linkState(r);
                if (now != null && e.getValue() != null && now != e.getValue()) {
                    emit(TopologyEvent.ofLink(TopologyEvent.Type.LINK_STATE_CHANGED, ++version, at, e.getKey(), now));
                }
            }
        }
    }

    private Watch watchSwitch(DatapathId dpid) {
        Watch w = new Watch();
        SwitchRecord r = switches.get(dpid);
        w.switchBefore.put(dpid, r.state());
        for (Long number : r.ports.keySet()) {
            w.port(ConnectPoint.of(dpid, number));
        }
        return w;
    }

    private void emit(TopologyEvent event) {
        for (TopologyListener l : listeners) {
            try {
                l.event(event);
            } catch (RuntimeException ex) {
                log.warn("topology listener {} failed on {}", l, event, ex);
            }
        }
    }

    // ---- snapshot

    private TopologySnapshot buildSnapshot() {
        TopologySnapshot.Builder b = TopologySnapshot.builder().version(version);
        if (sortedLinks == null) {
            // Sorting 110k links is a third of a k=48 snapshot: redo it only when links come or go.
            sortedLinks = new ArrayList<>(links.values());
            sortedLinks.sort((x, y) -> x.link.key().compareTo(y.link.key()));
        }
        List<LinkRecord> ls = sortedLinks;
        // A port is asleep when a link on it is (as portOwnState says): one pass over the links finds those ports,
        // instead of looking up every port's links.
        Set<ConnectPoint> asleepPorts = new HashSet<>();
        for (LinkRecord r : ls) {
            if (r.asleep) {
                asleepPorts.add(r.link.src());
                asleepPorts.add(r.link.dst());
            }
        }
        List<SwitchRecord> sws = new ArrayList<>(switches.values());
        sws.sort((x, y) -> x.info.dpid().compareTo(y.info.dpid()));
        for (SwitchRecord r : sws) {
            b.addSwitch(r.info, r.state());
            for (PortInfo p : r.ports.values()) {
                ElementState own = p.state();
                b.addPort(p, asleepPorts.contains(p.connectPoint()) ? own.combine(ElementState.ASLEEP) : own);
            }
        }
        for (LinkRecord r : ls) {
            b.addLink(r.link.withState(r.ownState()));
        }
        List<HostEndpoint> hs = new ArrayList<>(hosts.values());
        hs.sort((x, y) -> x.mac().compareTo(y.mac()));
        for (HostEndpoint h : hs) {
            b.addHost(h);
        }
        return b.build();
    }

    /** @return the number of known switches, links and hosts, for logs */
    @Override
    public synchronized String toString() {
        return "TopologyManager{version=" + version + ", switches=" + switches.size() + ", links=" + links.size()
                + ", hosts=" + hosts.size() + "}";
    }
}
