package org.ebbflow.sim;

import java.util.Arrays;

import org.ebbflow.sim.net.Fabric;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Maps a controller snapshot's switch, link and host indices onto the fabric's. Usually the identity (the fabric was
 * compiled from the same manager's numbering and sleeping elements stay in snapshots); built by lookups when elements
 * came or went. Immutable.
 */
final class IndexMap {
    private final TopologySnapshot snapshot;
    private final int[] switches;
    private final int[] links;
    private final int[] hosts;

    private IndexMap(TopologySnapshot snapshot, int[] switches, int[] links, int[] hosts) {
        this.snapshot = snapshot;
        this.switches = switches;
        this.links = links;
        this.hosts = hosts;
    }

    /** @return the map from {@code snapshot}'s indices to the fabric's (-1 for elements the fabric lacks) */
    static IndexMap of(Fabric fabric, TopologySnapshot snapshot) {
        TopologySnapshot f = fabric.topology();
        if (isIdentity(f, snapshot)) {
            return new IndexMap(snapshot, null, null, null);
        }
        int[] s = new int[snapshot.switchCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = f.switchIndex(snapshot.switchAt(i).dpid());
        }
        int[] l = new int[snapshot.linkCount()];
        for (int i = 0; i < l.length; i++) {
            l[i] = f.linkIndex(snapshot.link(i).key());
        }
        int[] h = new int[snapshot.hostCount()];
        for (int i = 0; i < h.length; i++) {
            h[i] = f.hostIndex(snapshot.host(i).mac());
        }
        return new IndexMap(snapshot, s, l, h);
    }

    private static boolean isIdentity(TopologySnapshot f, TopologySnapshot t) {
        if (f == t) {
            return true;
        }
        if (f.switchCount() != t.switchCount() || f.linkCount() != t.linkCount() || f.hostCount() != t.hostCount()) {
            return false;
        }
        for (int i = 0; i < f.switchCount(); i++) {
            if (!f.switchAt(i).dpid().equals(t.switchAt(i).dpid())) {
                return false;
            }
        }
        for (int i = 0; i < f.linkCount(); i++) {
            if (f.link(i).key() != t.link(i).key() && !f.link(i).key().equals(t.link(i).key())) {
                return false;
            }
        }
        for (int i = 0; i < f.hostCount(); i++) {
            if (!f.host(i).mac().equals(t.host(i).mac())) {
                return false;
            }
        }
        return true;
    }

    TopologySnapshot snapshot() {
        return snapshot;
    }

    boolean isIdentity() {
        return switches == null;
    }

    int switchToFabric(int s) {
        return switches == null ? s : switches[s];
    }

    int linkToFabric(int l) {
        return links == null ? l : links[l];
    }

    int hostToFabric(int h) {
        return hosts == null ? h : hosts[h];
    }

    /** @return the inverse for hosts: fabric index → snapshot index (-1 if absent) */
    int[] fabricToHost(int fabricHosts) {
        int[] inv = new int[fabricHosts];
        Arrays.fill(inv, -1);
        for (int i = 0; i < snapshot.hostCount(); i++) {
            int f = hostToFabric(i);
            if (f >= 0) {
                inv[f] = i;
            }
        }
        return inv;
    }

    /** @return the inverse for switches: fabric index → snapshot index (-1 if absent) */
    int[] fabricToSwitch(int fabricSwitches) {
        int[] inv = new int[fabricSwitches];
        Arrays.fill(inv, -1);
        for (int i = 0; i < snapshot.switchCount(); i++) {
            int f = switchToFabric(i);
            if (f >= 0) {
                inv[f] = i;
            }
        }
        return inv;
    }
}
