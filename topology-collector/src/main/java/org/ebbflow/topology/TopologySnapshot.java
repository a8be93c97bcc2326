package org.ebbflow.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, versioned picture of the network: switches, their ports, directed switch-to-switch links and host
 * endpoints, each with its state. Elements are numbered from 0 so planners can walk the graph through int arrays
 * (compressed adjacency) without maps or boxing; the numbering is fixed for one snapshot only.
 *
 * <p>States are effective: a port's state includes its switch's, a link's includes both end switches' and both end
 * ports'. An element that ebbflow put to sleep stays in the snapshot with state {@link ElementState#ASLEEP}.
 */
public final class TopologySnapshot {
    private static final ElementState[] STATES = ElementState.values();
    private static final TopologySnapshot EMPTY = builder().build();

    private final long version;
    private final SwitchInfo[] switches;
    private final byte[] switchStates;
    private final Map<DatapathId, Integer> switchIndex;

    private final PortInfo[] ports;
    /** The ports' numbers, in port order: {@link #portIndex} searches these instead of the port objects. */
    private final long[] portNumbers;
    private final byte[] portStates;
    private final int[] portOffsets;

    private final Link[] links;
    private final int[] linkSrc;
    private final int[] linkDst;
    private final long[] linkCapacityBps;
    private final byte[] linkStates;
    private final int[] reverseLink;
    /** Built on first use: planners walk int arrays and rarely look links up by key. */
    private volatile Map<LinkKey, Integer> linkIndex;
    private final int[] outOffsets;
    private final int[] outLinks;
    private final int[] inOffsets;
    private final int[] inLinks;

    private final HostEndpoint[] hosts;
    private final int[] hostSwitch;
    private final Map<MacAddress, Integer> hostIndex;
    private final int[] hostOffsets;
    private final int[] hostsBySwitch;

    private TopologySnapshot(Builder b) {
        this.version = b.version;
        int n = b.switches.size();
        switches = b.switches.toArray(new SwitchInfo[0]);
        switchStates = new byte[n];
        switchIndex = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            switchStates[i] = (byte) b.switchStates.get(i).ordinal();
            if (switchIndex.put(switches[i].dpid(), i) != null) {
                throw new IllegalArgumentException("duplicate switch " + switches[i].dpid());
            }
        }

        // Ports grouped by switch (bucket sort), then by port number within a switch.
        int p = b.ports.size();
        portOffsets = new int[n + 1];
        int[] portSwitch = new int[p];
        for (int i = 0; i < p; i++) {
            portSwitch[i] = indexOrFail(b.ports.get(i).connectPoint().dpid(), "port ", b.ports.get(i));
            portOffsets[portSwitch[i] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            portOffsets[s + 1] += portOffsets[s];
        }
        ports = new PortInfo[p];
        byte[] ownPortStates = new byte[p];
        int[] fill = Arrays.copyOf(portOffsets, n);
        for (int i = 0; i < p; i++) {
            int at = fill[portSwitch[i]]++;
            ports[at] = b.ports.get(i);
            ownPortStates[at] = (byte) b.portStates.get(i).ordinal();
        }
        portStates = ownPortStates;
        portNumbers = new long[p];
        for (int s = 0; s < n; s++) {
            sortPorts(portOffsets[s], portOffsets[s + 1]);
            for (int i = portOffsets[s]; i < portOffsets[s + 1]; i++) {
                portNumbers[i] = ports[i].connectPoint().portNumber();
                if (i > portOffsets[s] && ports[i].connectPoint().equals(ports[i - 1].connectPoint())) {
                    throw new IllegalArgumentException("duplicate port " + ports[i].connectPoint());
                }
                portStates[i] = (byte) STATES[portStates[i]].combine(STATES[switchStates[s]]).ordinal();
            }
        }

        int m = b.links.size();
        links = new Link[m];
        linkSrc = new int[m];
        linkDst = new int[m];
        linkCapacityBps = new long[m];
        linkStates = new byte[m];
        outOffsets = new int[n + 1];
        inOffsets = new int[n + 1];
        for (int i = 0; i < m; i++) {
            Link l = b.links.get(i);
            int s = indexOrFail(l.src().dpid(), "link ", l.key());
            int d = indexOrFail(l.dst().dpid(), "link ", l.key());
            ElementState st = l.state().combine(STATES[switchStates[s]]).combine(STATES[switchStates[d]]);
            int sp = portIndex(s, l.src().portNumber());
            int dp = portIndex(d, l.dst().portNumber());
            if (sp >= 0) {
                st = st.combine(STATES[portStates[sp]]);
            }
            if (dp >= 0) {
                st = st.combine(STATES[portStates[dp]]);
            }
            links[i] = l.withState(st);
            linkSrc[i] = s;
            linkDst[i] = d;
            linkCapacityBps[i] = l.capacityBps();
            linkStates[i] = (byte) st.ordinal();
            outOffsets[s + 1]++;
            inOffsets[d + 1]++;
        }
        outLinks = new int[m];
        inLinks = new int[m];
        fillAdjacency(outOffsets, outLinks, linkSrc);
        fillAdjacency(inOffsets, inLinks, linkDst);
        reverseLink = new int[m];
        for (int i = 0; i < m; i++) {
            reverseLink[i] = findReverse(i);
        }

        int h = b.hosts.size();
        hosts = b.hosts.toArray(new HostEndpoint[0]);
        hostSwitch = new int[h];
        hostIndex = new HashMap<>(h * 2);
        hostOffsets = new int[n + 1];
        for (int i = 0; i < h; i++) {
            hostSwitch[i] = indexOrFail(hosts[i].attachment().dpid(), "host ", hosts[i]);
            if (hostIndex.put(hosts[i].mac(), i) != null) {
                throw new IllegalArgumentException("duplicate host " + hosts[i].mac());
            }
            hostOffsets[hostSwitch[i] + 1]++;
        }
        hostsBySwitch = new int[h];
        fillAdjacency(hostOffsets, hostsBySwitch, hostSwitch);
    }

    /** The message is built only on failure: printing ids is far dearer than looking them up. */
    private int indexOrFail(DatapathId dpid, String kind, Object subject) {
        Integer i = switchIndex.get(dpid);
        if (i == null) {
            throw new IllegalArgumentException(kind + subject + " refers to unknown switch " + dpid);
        }
        return i;
    }

    /** Sorts one switch's ports (and their states alongside) by port number; insertion sort, ranges are small. */
    /**
     * Finds the opposite direction of a link among its destination's out-links (degree-bounded, no map), and rejects a
     * second link with the same key found among its source's out-links on the way.
     */
    private int findReverse(int i) {
        LinkKey key = links[i].key();
        for (int p = outOffsets[linkSrc[i]]; p < outOffsets[linkSrc[i] + 1]; p++) {
            int j = outLinks[p];
            if (j < i && links[j].key().equals(key)) {
                throw new IllegalArgumentException("duplicate link " + key);
            }
        }
        int found = -1;
        for (int p = outOffsets[linkDst[i]]; p < outOffsets[linkDst[i] + 1]; p++) {
            int j = outLinks[p];
            LinkKey other = links[j].key();
            if (other.dst().equals(key.src()) && other.src().equals(key.dst())) {
                found = j;
                break;
            }
        }
        return found;
    }

    private Map<LinkKey, Integer> linkIndexMap() {
        Map<LinkKey, Integer> map = linkIndex;
        if (map == null) {
            synchronized (this) {
                map = linkIndex;
                if (map == null) {
                    map = new HashMap<>(links.length * 2);
                    for (int i = 0; i < links.length; i++) {
                        map.put(links[i].key(), i);
                    }
                    linkIndex = map;
                }
            }
        }
        return map;
    }

    private void sortPorts(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            PortInfo port = ports[i];
            byte state = portStates[i];
            int j = i - 1;
            while (j >= from && ports[j].connectPoint().portNumber() > port.connectPoint().portNumber()) {
                ports[j + 1] = ports[j];
                portStates[j + 1] = portStates[j];
                j--;
            }
            ports[j + 1] = port;
            portStates[j + 1] = state;
        }
    }

    /** Counting sort of element indices by owner into a compressed adjacency ({@code offsets} already counted). */
    private static void fillAdjacency(int[] offsets, int[] target, int[] owner) {
        for (int s = 0; s + 1 < offsets.length; s++) {
            offsets[s + 1] += offsets[s];
        }
        int[] fill = Arrays.copyOf(offsets, Math.max(offsets.length - 1, 0));
        for (int i = 0; i < owner.length; i++) {
            target[fill[owner[i]]++] = i;
        }
    }

    /** @return a builder for a new snapshot */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the snapshot with nothing in it, version 0 */
    public static TopologySnapshot empty() {
        return EMPTY;
    }

    /** @return the version: a later snapshot from the same manager has a larger one */
    public long version() {
        return version;
    }

    // ---- switches

    /** @return the number of switches, asleep and failed ones included */
    public int switchCount() {
        return switches.length;
    }

    /** @return the switch numbered {@code index} */
    public SwitchInfo switchAt(int index) {
        return switches[index];
    }

    /** @return the switch's number in this snapshot, or -1 if it is unknown */
    public int switchIndex(DatapathId dpid) {
        Integer i = switchIndex.get(dpid);
        return i == null ? -1 : i;
    }

    /** @return the switch's state */
    public ElementState switchState(int index) {
        return STATES[switchStates[index]];
    }

    /** @return all switches in index order, unmodifiable */
    public List<SwitchInfo> switches() {
        return Collections.unmodifiableList(Arrays.asList(switches));
    }

    // ---- ports

    /** @return the switch's ports, ordered by port number, unmodifiable; empty if none were described */
    public List<PortInfo> portsOf(int switchIndex) {
        return Collections.unmodifiableList(
                Arrays.asList(ports).subList(portOffsets[switchIndex], portOffsets[switchIndex + 1]));
    }

    /** @return the total number of described switch ports */
    public int portCount() {
        return ports.length;
    }

    /** @return the port, or null if the snapshot does not know it */
    public PortInfo port(ConnectPoint cp) {
        int s = switchIndex(cp.dpid());
        int i = s < 0 ? -1 : portIndex(s, cp.portNumber());
        return i < 0 ? null : ports[i];
    }

    /** @return the port's effective state (its switch's state included), or null if the port is unknown */
    public ElementState portState(ConnectPoint cp) {
        int s = switchIndex(cp.dpid());
        int i = s < 0 ? -1 : portIndex(s, cp.portNumber());
        return i < 0 ? null : STATES[portStates[i]];
    }

    private int portIndex(int switchIdx, long portNumber) {
        int lo = portOffsets[switchIdx];
        int hi = portOffsets[switchIdx + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = portNumbers[mid];
            if (v < portNumber) {
                lo = mid + 1;
            } else if (v > portNumber) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    // ---- links

    /** @return the number of directed switch-to-switch links, asleep and failed ones included */
    public int linkCount() {
        return links.length;
    }

    /** @return the directed link numbered {@code index}, with its effective state */
    public Link link(int index) {
        return links[index];
    }

    /** @return the link's number, or -1 if the snapshot does not know it */
    public int linkIndex(LinkKey key) {
        Integer i = linkIndexMap().get(key);
        return i == null ? -1 : i;
    }

    /** @return the number of the link's source switch */
    public int linkSrc(int index) {
        return linkSrc[index];
    }

    /** @return the number of the link's destination switch */
    public int linkDst(int index) {
        return linkDst[index];
    }

    /** @return the link's capacity in bits per second */
    public long linkCapacityBps(int index) {
        return linkCapacityBps[index];
    }

    /** @return the link's effective state */
    public ElementState linkState(int index) {
        return STATES[linkStates[index]];
    }

    /** @return true if the link and everything it depends on is active */
    public boolean isLinkUsable(int index) {
        return linkStates[index] == 0;
    }

    /** @return the number of the same link in the other direction, or -1 if only this direction is known */
    public int reverseLink(int index) {
        return reverseLink[index];
    }

    /** @return all directed links in index order, unmodifiable */
    public List<Link> links() {
        return Collections.unmodifiableList(Arrays.asList(links));
    }

    /**
     * Out-links of a switch are {@code outLinkAt(k)} for {@code outLinkStart(s) <= k < outLinkEnd(s)}.
     *
     * @return the first position of the switch's out-links
     */
    public int outLinkStart(int switchIdx) {
        return outOffsets[switchIdx];
    }

    /** @return one past the last position of the switch's out-links */
    public int outLinkEnd(int switchIdx) {
        return outOffsets[switchIdx + 1];
    }

    /** @return the link number at an out-link position */
    public int outLinkAt(int position) {
        return outLinks[position];
    }

    /** @return the first position of the switch's in-links */
    public int inLinkStart(int switchIdx) {
        return inOffsets[switchIdx];
    }

    /** @return one past the last position of the switch's in-links */
    public int inLinkEnd(int switchIdx) {
        return inOffsets[switchIdx + 1];
    }

    /** @return the link number at an in-link position */
    public int inLinkAt(int position) {
        return inLinks[position];
    }

    /** @return the number of undirected switch links: a pair of opposite directions counts once */
    public int undirectedLinkCount() {
        int count = 0;
        for (int i = 0; i < reverseLink.length; i++) {
            if (reverseLink[i] < 0 || i < reverseLink[i]) {
                count++;
            }
        }
        return count;
    }

    // ---- hosts

    /** @return the number of host and container endpoints */
    public int hostCount() {
        return hosts.length;
    }

    /** @return the host numbered {@code index} */
    public HostEndpoint host(int index) {
        return hosts[index];
    }

    /** @return the host's number, or -1 if unknown */
    public int hostIndex(MacAddress mac) {
        Integer i = hostIndex.get(mac);
        return i == null ? -1 : i;
    }

    /** @return the number of the switch the host attaches to */
    public int hostSwitch(int hostIdx) {
        return hostSwitch[hostIdx];
    }

    /** @return the numbers of the hosts attached to a switch, in host order; empty if none */
    public int[] hostsAt(int switchIdx) {
        return Arrays.copyOfRange(hostsBySwitch, hostOffsets[switchIdx], hostOffsets[switchIdx + 1]);
    }

    /** @return all hosts in index order, unmodifiable */
    public List<HostEndpoint> hosts() {
        return Collections.unmodifiableList(Arrays.asList(hosts));
    }

    @Override
    public String toString() {
        return "TopologySnapshot{version=" + version + ", switches=" + switches.length + ", links=" + links.length
                + ", hosts=" + hosts.length + "}";
    }

    /**
     * Collects switches, ports, links and hosts, then checks and indexes them. Links and hosts may be added before
     * their switches; {@link #build()} rejects references to switches that never arrive.
     */
    public static final class Builder {
        private long version;
        private final List<SwitchInfo> switches = new ArrayList<>();
        private final List<ElementState> switchStates = new ArrayList<>();
        private final List<PortInfo> ports = new ArrayList<>();
        private final List<ElementState> portStates = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<HostEndpoint> hosts = new ArrayList<>();

        private Builder() {
        }

        /** @param newVersion the snapshot's version */
        public Builder version(long newVersion) {
            this.version = newVersion;
            return this;
        }

        /** Adds an active switch. */
        public Builder addSwitch(SwitchInfo sw) {
            return addSwitch(sw, ElementState.ACTIVE);
        }

        /** Adds a switch in the given state. */
        public Builder addSwitch(SwitchInfo sw, ElementState state) {
            switches.add(sw);
            switchStates.add(state);
            return this;
        }

        /** Adds a port of a switch, its own state taken from its admin and link flags. */
        public Builder addPort(PortInfo port) {
            return addPort(port, port.state());
        }

        /**
         * Adds a port with an explicit own state, such as {@link ElementState#ASLEEP} for a port ebbflow turned off;
         * the snapshot still combines it with the switch's state.
         */
        public Builder addPort(PortInfo port, ElementState ownState) {
            ports.add(port);
            portStates.add(ownState);
            return this;
        }

        /** Adds a directed link; its state is its own, the snapshot combines it with its ends' states. */
        public Builder addLink(Link link) {
            links.add(link);
            return this;
        }

        /** Adds a host endpoint. */
        public Builder addHost(HostEndpoint host) {
            hosts.add(host);
            return this;
        }

        /**
         * @return the snapshot
         * @throws IllegalArgumentException on duplicates or references to unknown switches
         */
        public TopologySnapshot build() {
            return new TopologySnapshot(this);
        }
    }
}
