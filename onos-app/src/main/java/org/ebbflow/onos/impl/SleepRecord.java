package org.ebbflow.onos.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.LinkKey;

/**
 * ebbflow's own record of one sleeping switch or cable: the ports it disabled and the links on them with their
 * capacities. ONOS forgets the links of a disabled port, so this record is what lets any node, including a new
 * leader that never saw those links, wake them. Immutable; stored as JSON in {@link ClusterState}.
 */
final class SleepRecord {
    /** Who put it to sleep. */
    enum Origin {
        /** The planner. */
        PLANNER,
        /** The operator ({@code ebbflow-sleep}). */
        OPERATOR
    }

    private final String element;
    private final boolean isSwitch;
    private final Origin origin;
    private final List<ConnectPoint> ports;
    private final Map<LinkKey, Long> links;
    private final long sinceMillis;

    SleepRecord(String element, boolean isSwitch, Origin origin, List<ConnectPoint> ports, Map<LinkKey, Long> links,
                long sinceMillis) {
        this.element = Objects.requireNonNull(element, "element");
        this.isSwitch = isSwitch;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.ports = Collections.unmodifiableList(new ArrayList<>(ports));
        this.links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        this.sinceMillis = sinceMillis;
    }

    /** @return the element's name ({@code of:...} or a cable) */
    String element() {
        return element;
    }

    /** @return true for a switch, false for a cable */
    boolean isSwitch() {
        return isSwitch;
    }

    /** @return who put it to sleep */
    Origin origin() {
        return origin;
    }

    /** @return the ports ebbflow disabled */
    List<ConnectPoint> ports() {
        return ports;
    }

    /** @return the directed links on those ports, with capacities in bits per second */
    Map<LinkKey, Long> links() {
        return links;
    }

    /** @return when it went to sleep, epoch milliseconds */
    long sinceMillis() {
        return sinceMillis;
    }

    /** @return the same record with another origin */
    SleepRecord withOrigin(Origin o) {
        return new SleepRecord(element, isSwitch, o, ports, links, sinceMillis);
    }

    /** @return the JSON-able form */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("element", element);
        m.put("kind", isSwitch ? "switch" : "cable");
        m.put("origin", origin.name().toLowerCase(java.util.Locale.ROOT));
        List<String> p = new ArrayList<>();
        for (ConnectPoint cp : ports) {
            p.add(OnosNames.name(cp));
        }
        m.put("ports", p);
        Map<String, Long> l = new LinkedHashMap<>();
        for (Map.Entry<LinkKey, Long> e : links.entrySet()) {
            l.put(OnosNames.name(e.getKey()), e.getValue());
        }
        m.put("links", l);
        m.put("sinceMillis", sinceMillis);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SleepRecord)) {
            return false;
        }
        SleepRecord r = (SleepRecord) o;
        return element.equals(r.element) && isSwitch == r.isSwitch && origin == r.origin && ports.equals(r.ports)
                && links.equals(r.links) && sinceMillis == r.sinceMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(element, ports, sinceMillis);
    }

    @Override
    public String toString() {
        return "SleepRecord" + toMap();
    }
}
