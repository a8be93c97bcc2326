package org.ebbflow.sim;

import java.util.ArrayList;
import java.util.List;

import org.ebbflow.sim.net.Fabric;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEvents;
import org.ebbflow.topology.discovery.TopologyManager;

/**
 * Reports what happens to the simulated switches to one run's production {@link TopologyManager}, as a controller's
 * southbound would: the initial discovery, LLDP refreshes so that links do not expire, disconnects and port-status
 * changes when elements sleep, reconnects and rediscovery when they wake; and ebbflow's own sleep records
 * ({@code setSwitchAsleep}, {@code setLinkAsleep}), which the actuator keeps. Not thread-safe.
 */
final class DiscoveryDriver {
    private final Fabric fabric;
    private final TopologyManager manager;
    private final DatapathId[] dpids;
    private final LinkKey[] keys;
    private long events;

    DiscoveryDriver(Fabric fabric, TopologyManager manager) {
        this.fabric = fabric;
        this.manager = manager;
        TopologySnapshot t = fabric.topology();
        dpids = new DatapathId[fabric.switchCount()];
        for (int s = 0; s < dpids.length; s++) {
            dpids[s] = t.switchAt(s).dpid();
        }
        keys = new LinkKey[fabric.switchLinkCount()];
        for (int l = 0; l < keys.length; l++) {
            keys[l] = t.link(l).key();
        }
    }

    /** Describes a whole topology at {@code t} (every switch connects, every link and host is seen). */
    static void describe(TopologyManager manager, TopologySnapshot topology, long t) {
        for (DiscoveryEvent e : DiscoveryEvents.describe(topology, t)) {
            manager.accept(e);
        }
    }

    private void accept(DiscoveryEvent e) {
        manager.accept(e);
        events++;
    }

    /** LLDP: every link whose cable and switches are up is seen again at {@code t}. */
    void refreshLinks(PowerState state, long t) {
        for (int l = 0; l < keys.length; l++) {
            if (linkUp(state, l, t)) {
                accept(DiscoveryEvent.linkDiscovered(keys[l], 0, t));
            }
        }
    }

    private boolean linkUp(PowerState state, int l, long t) {
        return state.cableUp(l, t) && state.switchReady(fabric.linkSrc(l), t)
                && state.switchReady(fabric.linkDst(l), t);
    }

    /** Switch s went to sleep at t: the record, the disconnect, its neighbours' ports down, its links gone. */
    void switchAsleep(int s, PowerState state, long t) {
        manager.setSwitchAsleep(dpids[s], true, t);
        accept(DiscoveryEvent.switchDisconnected(dpids[s], t));
        for (int p = fabric.outStart(s); p < fabric.outEnd(s); p++) {
            int l = fabric.outLinkAt(p);
            int peerPort = fabric.linkDstPort(l);
            if (peerPort >= 0) {
                accept(DiscoveryEvent.portChanged(portStatus(peerPort, state, t), t));
            }
            accept(DiscoveryEvent.linkVanished(keys[l], t));
            if (fabric.reverse(l) >= 0) {
                accept(DiscoveryEvent.linkVanished(keys[fabric.reverse(l)], t));
            }
        }
    }

    /** Switch s finished booting at t: it connects with its ports, the record is cleared, its links are seen. */
    void switchReady(int s, PowerState state, long t) {
        List<PortInfo> ports = new ArrayList<>();
        for (int q = fabric.switchPortStart(s); q < fabric.switchPortStart(s + 1); q++) {
            ports.add(portStatus(q, state, t));
        }
        accept(DiscoveryEvent.switchConnected(fabric.topology().switchAt(s), ports, t));
        manager.setSwitchAsleep(dpids[s], false, t);
        for (int p = fabric.outStart(s); p < fabric.outEnd(s); p++) {
            int l = fabric.outLinkAt(p);
            if (linkUp(state, l, t)) {
                int peerPort = fabric.linkDstPort(l);
                if (peerPort >= 0) {
                    accept(DiscoveryEvent.portChanged(portStatus(peerPort, state, t), t));
                }
                accept(DiscoveryEvent.linkDiscovered(keys[l], 0, t));
                if (fabric.reverse(l) >= 0) {
                    accept(DiscoveryEvent.linkDiscovered(keys[fabric.reverse(l)], 0, t));
                }
            }
        }
    }

    /** The cable of link l was put to sleep at t: the records, both ports disabled, both directions gone. */
    void cableAsleep(int l, long t) {
        int r = fabric.reverse(l);
        manager.setLinkAsleep(keys[l], true, t);
        if (r >= 0) {
            manager.setLinkAsleep(keys[r], true, t);
        }
        for (int q : new int[] {fabric.linkSrcPort(l), fabric.linkDstPort(l)}) {
            if (q >= 0) {
                accept(DiscoveryEvent.portChanged(fabric.portInfo(q).withStatus(false, false), t));
            }
        }
        accept(DiscoveryEvent.linkVanished(keys[l], t));
        if (r >= 0) {
            accept(DiscoveryEvent.linkVanished(keys[r], t));
        }
    }

    /** The cable of link l is up again at t: ports enabled, records cleared, both directions seen. */
    void cableReady(int l, PowerState state, long t) {
        int r = fabric.reverse(l);
        for (int q : new int[] {fabric.linkSrcPort(l), fabric.linkDstPort(l)}) {
            if (q >= 0 && state.switchReady(fabric.portSwitch(q), t)) {
                accept(DiscoveryEvent.portChanged(portStatus(q, state, t), t));
            }
        }
        manager.setLinkAsleep(keys[l], false, t);
        if (r >= 0) {
            manager.setLinkAsleep(keys[r], false, t);
        }
        if (linkUp(state, l, t)) {
            accept(DiscoveryEvent.linkDiscovered(keys[l], 0, t));
            if (r >= 0) {
                accept(DiscoveryEvent.linkDiscovered(keys[r], 0, t));
            }
        }
    }

    /** @return port q's flags at t: disabled if ebbflow put its cable to sleep, link up if the far end is up */
    private PortInfo portStatus(int q, PowerState state, long t) {
        PortInfo info = fabric.portInfo(q);
        int tx = fabric.portTxLink(q);
        if (tx < 0 || fabric.isHostLink(tx)) {
            return info.withStatus(true, tx >= 0);
        }
        boolean admin = state.cableMode(tx) != PowerState.ASLEEP;
        return info.withStatus(admin, linkUp(state, tx, t));
    }

    /** @return discovery events sent so far */
    long events() {
        return events;
    }
}
