package org.ebbflow.topology.discovery;

import java.util.ArrayList;
import java.util.List;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.TopologySnapshot;

/** Turns a known topology into the discovery events a controller would report for it. */
public final class DiscoveryEvents {
    private DiscoveryEvents() {
    }

    /**
     * Describes every switch (with its ports), every directed link and every host of a snapshot, in that order, all at
     * {@code atMillis}. Feeding them to a fresh {@link TopologyManager} rebuilds the same switches, links and hosts.
     * Element states are not described: every switch connects, and only links that are not failed are discovered.
     *
     * @return the events, in an order a manager accepts
     */
    public static List<DiscoveryEvent> describe(TopologySnapshot snapshot, long atMillis) {
        List<DiscoveryEvent> events = new ArrayList<>(snapshot.switchCount() + snapshot.linkCount()
                + snapshot.hostCount());
        for (int s = 0; s < snapshot.switchCount(); s++) {
            events.add(DiscoveryEvent.switchConnected(snapshot.switchAt(s), snapshot.portsOf(s), atMillis));
        }
        for (Link l : snapshot.links()) {
            if (l.state() != ElementState.FAILED) {
                events.add(DiscoveryEvent.linkDiscovered(l.key(), l.capacityBps(), atMillis));
            }
        }
        for (int h = 0; h < snapshot.hostCount(); h++) {
            events.add(DiscoveryEvent.hostSeen(snapshot.host(h), atMillis));
        }
        return events;
    }
}
