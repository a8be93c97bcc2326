package org.ebbflow.openflow.channel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ebbflow.topology.DatapathId;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of connected switches, by datapath id. A switch that connects again while its old connection is
 * still open replaces it (the old one is closed without a deactivation event); one that disconnects and returns is
 * the same switch to everything above. Thread-safe.
 */
public final class SwitchRegistry {
    private static final Logger log = LoggerFactory.getLogger(SwitchRegistry.class);

    private final Map<DatapathId, SwitchConnection> active = new ConcurrentHashMap<>();
    private final Set<DatapathId> known = ConcurrentHashMap.newKeySet();
    private final List<SwitchListener> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener; it sees events from now on. */
    public void addListener(SwitchListener l) {
        listeners.add(l);
    }

    /** @return the active connection of a switch, or null if it is not connected */
    public SwitchConnection get(DatapathId dpid) {
        return active.get(dpid);
    }

    /** @return the active connections, a copy */
    public Collection<SwitchConnection> connections() {
        return new ArrayList<>(active.values());
    }

    /** @return the number of connected switches */
    public int connectedCount() {
        return active.size();
    }

    /** @return true if the switch ever completed a handshake with this controller */
    public boolean isKnown(DatapathId dpid) {
        return known.contains(dpid);
    }

    void activate(SwitchConnection sw) {
        SwitchConnection old = active.put(sw.dpid(), sw);
        boolean returning = !known.add(sw.dpid());
        if (old != null && old != sw) {
            log.info("switch {} connected again from {}: closing its old connection", sw, sw.remoteAddress());
            old.disconnect("replaced by a new connection of the same switch");
        }
        log.info("switch {} {} ({} ports, {} tables)", sw, returning ? "reconnected" : "connected",
                sw.physicalPorts().size(), sw.tableCount());
        for (SwitchListener l : listeners) {
            try {
                l.switchActivated(sw);
            } catch (RuntimeException e) {
                log.warn("listener {} failed on activation of {}", l, sw, e);
            }
        }
    }

    void deactivate(SwitchConnection sw) {
        if (sw.dpid() == null || !active.remove(sw.dpid(), sw)) {
            return;
        }
        log.info("switch {} disconnected", sw);
        for (SwitchListener l : listeners) {
            try {
                l.switchDeactivated(sw);
            } catch (RuntimeException e) {
                log.warn("listener {} failed on deactivation of {}", l, sw, e);
            }
        }
    }

    void portStatus(SwitchConnection sw, OFPortStatus status) {
        for (SwitchListener l : listeners) {
            try {
                l.portStatus(sw, status);
            } catch (RuntimeException e) {
                log.warn("listener {} failed on port status from {}", l, sw, e);
            }
        }
    }

    void packetIn(SwitchConnection sw, OFPacketIn pi) {
        for (SwitchListener l : listeners) {
            try {
                l.packetIn(sw, pi);
            } catch (RuntimeException e) {
                log.warn("listener {} failed on packet-in from {}", l, sw, e);
            }
        }
    }
}
