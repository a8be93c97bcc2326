package org.ebbflow.topology.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ebbflow.topology.TopologySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an Internet Topology Zoo GraphML file (Knight et al., IEEE JSAC 29(9), 2011) as a snapshot of a wide-area
 * network whose points of presence are switches.
 *
 * <ul>
 *   <li><b>Keys</b>: data values are looked up by the {@code attr.name} of their {@code <key>} declaration
 *       ({@code label} on nodes, {@code LinkSpeedRaw} on edges), never by key id: ids differ from file to file.
 *       A key's {@code <default>} applies where an element has no value.</li>
 *   <li><b>Switches</b>: every {@code <node>}, in file order, is a switch of role {@code OTHER} with datapath id =
 *       its 1-based position. Its name is its {@code label} if that is unique in the file, else
 *       {@code label#id}, or the node id if it has no label; a blank label and the text {@code None} (how the
 *       Zoo's Python tooling wrote missing labels) count as none. A name that still collides gets
 *       {@code #<dpid>} appended. Nodes without edges are kept.</li>
 *   <li><b>Cables</b>: every {@code <edge>} is one cable, two directed links, whatever {@code edgedefault} or the
 *       edge's {@code directed} attribute say: Zoo edges are physical or logical links that carry traffic both ways.
 *       Parallel edges are kept, each with ports of its own; self-loops are dropped with a WARN log naming file and
 *       line. Capacity is {@code LinkSpeedRaw} (bit/s) when present and positive, else
 *       {@link Options#defaultLinkBps()}; a value of 0 means unknown.</li>
 *   <li><b>Ports</b>: hosts take ports 1..{@link Options#hostsPerNode()}, then cables the next numbers in edge
 *       order; port {@code n} of switch {@code s} is named {@code s-eth<n>} with the speed of its link;
 *       {@code portCount} is the number of ports used.</li>
 *   <li><b>Hosts</b>: host h (1-based) of the node at position k is named {@code <switch>-h<h>}, with MAC
 *       {@code 02:00:KK:KK:00:HH} (value {@code 0x02_0000_0000_0000 | k << 16 | h}, locally administered) and IPv4
 *       {@code 10.(k >> 8).(k & 0xff).h}; its access link is {@link Options#hostLinkBps()}, or when that is 0 the sum
 *       of the node's cable capacities (0, meaning unknown, for a node without cables).</li>
 * </ul>
 *
 * <p>Files may have at most 65,535 nodes (the address scheme's limit).
 */
public final class GraphMlLoader {
    private static final Logger LOG = LoggerFactory.getLogger(GraphMlLoader.class);
    private static final String LABEL = "label";
    private static final String LINK_SPEED_RAW = "LinkSpeedRaw";

    private GraphMlLoader() {
    }

    /**
     * Loads with {@link Options#defaults()}.
     *
     * @see #load(Path, Options)
     */
    public static TopologySnapshot load(Path file) {
        return load(file, Options.defaults());
    }

    /**
     * @param file a Topology Zoo GraphML file
     * @param options capacities and hosts to fill in
     * @return the snapshot, version 1
     * @throws TopologyFormatException if the file is not well-formed XML or GraphML, a node has no id or a duplicate
     *     one, an edge names an unknown node, or a {@code LinkSpeedRaw} is not a finite non-negative number up to
     *     1 Pbit/s
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static TopologySnapshot load(Path file, Options options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        GraphMlDocument doc;
        try (XmlCursor xml = XmlCursor.open(file)) {
            doc = GraphMlDocument.read(xml);
        }
        return assemble(file, doc, options);
    }

    private static TopologySnapshot assemble(Path file, GraphMlDocument doc, Options options) {
        List<GraphMlDocument.Element> nodes = doc.nodes;
        if (nodes.size() > CableTopologyBuilder.MAX_NODES) {
            throw new TopologyFormatException(file, nodes.get(CableTopologyBuilder.MAX_NODES).line, "node",
                    "more than " + CableTopologyBuilder.MAX_NODES + " nodes");
        }
        CableTopologyBuilder builder = new CableTopologyBuilder(options.hostsPerNode(), options.hostLinkBps());
        Map<String, Integer> indexById = new HashMap<>();
        String[] names = switchNames(doc);
        for (int i = 0; i < names.length; i++) {
            indexById.put(nodes.get(i).id, builder.addNode(names[i]));
        }
        for (GraphMlDocument.Element edge : doc.edges) {
            int a = endpoint(file, edge, edge.source, "source", indexById);
            int b = endpoint(file, edge, edge.target, "target", indexById);
            if (a == b) {
                LOG.warn("{}:{}: self-loop on node '{}' dropped", file, edge.line, edge.source);
                continue;
            }
            builder.addCable(a, b, capacityBps(file, doc, edge, options.defaultLinkBps()));
        }
        return builder.build();
    }

    /** Names in node order: the label where it is unique, else label#id, else the id; then made unique. */
    private static String[] switchNames(GraphMlDocument doc) {
        int n = doc.nodes.size();
        String[] labels = new String[n];
        Map<String, Integer> labelCount = new HashMap<>();
        for (int i = 0; i < n; i++) {
            GraphMlDocument.Value v = value(doc, doc.nodes.get(i), "node", LABEL);
            // networkx wrote a missing label as the text "None" (53 Zoo files have such nodes).
            labels[i] = v == null || v.text.isEmpty() || v.text.equals("None") ? null : v.text;
            if (labels[i] != null) {
                labelCount.merge(labels[i], 1, Integer::sum);
            }
        }
        String[] names = new String[n];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String id = doc.nodes.get(i).id;
            String name = labels[i] == null ? id : labelCount.get(labels[i]) == 1 ? labels[i] : labels[i] + "#" + id;
            // Only contrived files collide here: a label equal to another node's id, or to some other "label#id".
            while (!used.add(name)) {
                name = name + "#" + (i + 1);
            }
            names[i] = name;
        }
        return names;
    }

    private static int endpoint(Path file, GraphMlDocument.Element edge, String nodeId, String field,
            Map<String, Integer> indexById) {
        Integer index = indexById.get(nodeId);
        if (index == null) {
            throw new TopologyFormatException(file, edge.line, field, "unknown node '" + nodeId + "'");
        }
        return index;
    }

    private static long capacityBps(Path file, GraphMlDocument doc, GraphMlDocument.Element edge, long defaultBps) {
        GraphMlDocument.Value v = value(doc, edge, "edge", LINK_SPEED_RAW);
        if (v == null || v.text.isEmpty()) {
            return defaultBps;
        }
        double bps;
        try {
            bps = Double.parseDouble(v.text);
        } catch (NumberFormatException e) {
            throw new TopologyFormatException(file, v.line, LINK_SPEED_RAW, "not a number: '" + v.text + "'", e);
        }
        if (!(bps >= 0 && bps <= CableTopologyBuilder.MAX_BPS)) {
            throw new TopologyFormatException(file, v.line, LINK_SPEED_RAW,
                    "not a rate in bit/s from 0 to 1e15: '" + v.text + "'");
        }
        return bps == 0 ? defaultBps : CableTopologyBuilder.toBps(bps);
    }

    /** @return the element's value for the attribute name, the key's default, or null */
    private static GraphMlDocument.Value value(GraphMlDocument doc, GraphMlDocument.Element element, String kind,
            String attrName) {
        GraphMlDocument.Value fallback = null;
        for (Map.Entry<String, GraphMlDocument.Key> e : doc.keys.entrySet()) {
            GraphMlDocument.Key key = e.getValue();
            if (key.name.equals(attrName) && key.appliesTo(kind)) {
                GraphMlDocument.Value v = element.data.get(e.getKey());
                if (v != null) {
                    return v;
                }
                fallback = fallback == null ? key.defaultValue : fallback;
            }
        }
        return fallback;
    }

    /** What the file does not say: capacities to assume and hosts to attach. Immutable. */
    public static final class Options {
        /** Capacity of an edge without {@code LinkSpeedRaw}: 1 Gbit/s. */
        public static final long DEFAULT_LINK_BPS = 1_000_000_000L;
        private static final Options DEFAULTS = new Options(DEFAULT_LINK_BPS, 1, 0);

        private final long defaultLinkBps;
        private final int hostsPerNode;
        private final long hostLinkBps;

        private Options(long defaultLinkBps, int hostsPerNode, long hostLinkBps) {
            this.defaultLinkBps = defaultLinkBps;
            this.hostsPerNode = hostsPerNode;
            this.hostLinkBps = hostLinkBps;
        }

        /**
         * @return 1 Gbit/s for edges without a speed, 1 host per node (so a WAN replay has an endpoint at every
         *     point of presence), host links as fast as the node's cables together (so access never bottlenecks)
         */
        public static Options defaults() {
            return DEFAULTS;
        }

        /**
         * @param bps capacity in bits per second of edges without a positive {@code LinkSpeedRaw}
         * @throws IllegalArgumentException if not positive
         */
        public Options withDefaultLinkBps(long bps) {
            if (bps <= 0) {
                throw new IllegalArgumentException("default link capacity must be positive: " + bps);
            }
            return new Options(bps, hostsPerNode, hostLinkBps);
        }

        /**
         * @param count hosts attached to every node, 0 (none) to 254
         * @throws IllegalArgumentException if out of range
         */
        public Options withHostsPerNode(int count) {
            if (count < 0 || count > CableTopologyBuilder.MAX_HOSTS_PER_NODE) {
                throw new IllegalArgumentException("hosts per node must be 0.."
                        + CableTopologyBuilder.MAX_HOSTS_PER_NODE + ": " + count);
            }
            return new Options(defaultLinkBps, count, hostLinkBps);
        }

        /**
         * @param bps capacity in bits per second of every host access link; 0 means the sum of the node's cable
         *     capacities
         * @throws IllegalArgumentException if negative
         */
        public Options withHostLinkBps(long bps) {
            if (bps < 0) {
                throw new IllegalArgumentException("host link capacity must not be negative: " + bps);
            }
            return new Options(defaultLinkBps, hostsPerNode, bps);
        }

        /** @return capacity in bits per second of edges without a positive {@code LinkSpeedRaw} */
        public long defaultLinkBps() {
            return defaultLinkBps;
        }

        /** @return hosts attached to every node, 0 for none */
        public int hostsPerNode() {
            return hostsPerNode;
        }

        /** @return host access link capacity in bits per second; 0 means the sum of the node's cable capacities */
        public long hostLinkBps() {
            return hostLinkBps;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Options)) {
                return false;
            }
            Options other = (Options) o;
            return defaultLinkBps == other.defaultLinkBps && hostsPerNode == other.hostsPerNode
                    && hostLinkBps == other.hostLinkBps;
        }

        @Override
        public int hashCode() {
            return Objects.hash(defaultLinkBps, hostsPerNode, hostLinkBps);
        }

        @Override
        public String toString() {
            return "Options{defaultLinkBps=" + defaultLinkBps + ", hostsPerNode=" + hostsPerNode + ", hostLinkBps="
                    + hostLinkBps + "}";
        }
    }
}
