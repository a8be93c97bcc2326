package org.ebbflow.topology.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ebbflow.topology.TopologySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an SNDlib network in native XML format (namespace {@code http://sndlib.zib.de/network}, Orlowski et al.,
 * Networks 55(3), 2010) with its static demand matrix.
 *
 * <ul>
 *   <li><b>Switches</b>: every {@code <node>}, in file order, is a switch of role {@code OTHER} named exactly by its
 *       id (traffic matrices such as the Abilene CSV refer to these ids), datapath id = its 1-based position.</li>
 *   <li><b>Links</b>: every {@code <link>} is one cable, two directed links with ports of their own, parallel links
 *       included; a link from a node to itself is dropped with a WARN log. Its capacity is the
 *       {@code preInstalledModule} capacity when present and positive, else the largest {@code addModule}
 *       capacity: most SNDlib instances list only the modules that could be installed, and the largest is the
 *       most the link can carry, which suits a planner that decides what to switch off.</li>
 *   <li><b>Units</b>: capacities and demand values are in the file's {@code <meta><unit>}: {@code BITSPERSEC},
 *       {@code KBITPERSEC}, {@code MBITPERSEC} (the default when absent) or {@code GBITPERSEC}; everything returned
 *       is in bits per second.</li>
 *   <li><b>Hosts</b>: one per node, named {@code <node>-h1} on port 1, MAC {@code 02:00:KK:KK:00:01} and IPv4
 *       {@code 10.(k >> 8).(k & 0xff).1} for the node at position k (the scheme of {@link GraphMlLoader}); its access
 *       link is the sum of the node's link capacities so access never bottlenecks. Links take ports 2, 3, ... in
 *       file order.</li>
 *   <li><b>Demands</b>: kept in file order, duplicates between one pair included; a demand from a node to itself
 *       is dropped with a WARN log.</li>
 * </ul>
 */
public final class SndlibLoader {
    /** The unit SNDlib assumes when a file names none. */
    public static final String DEFAULT_UNIT = "MBITPERSEC";

    private static final Logger LOG = LoggerFactory.getLogger(SndlibLoader.class);
    private static final Map<String, Double> BPS_PER_UNIT = new HashMap<>();

    static {
        BPS_PER_UNIT.put("BITSPERSEC", 1.0);
        BPS_PER_UNIT.put("KBITPERSEC", 1e3);
        BPS_PER_UNIT.put("MBITPERSEC", 1e6);
        BPS_PER_UNIT.put("GBITPERSEC", 1e9);
    }

    private SndlibLoader() {
    }

    /**
     * @param file an SNDlib native XML file
     * @return the network and its demands
     * @throws TopologyFormatException if the file is not well-formed XML, the unit is unknown, a node has no id or a
     *     duplicate one, a link or demand misses an end or names an unknown node, a link has no positive capacity,
     *     or a capacity or demand value is not a finite non-negative number (capacities up to 1 Pbit/s)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static SndlibNetwork load(Path file) {
        Objects.requireNonNull(file, "file");
        SndlibDocument doc;
        try (XmlCursor xml = XmlCursor.open(file)) {
            doc = SndlibDocument.read(xml);
        }
        return assemble(file, doc);
    }

    private static SndlibNetwork assemble(Path file, SndlibDocument doc) {
        String unit = DEFAULT_UNIT;
        if (doc.unit != null) {
            unit = doc.unit.text.toUpperCase(Locale.ROOT);
            if (!BPS_PER_UNIT.containsKey(unit)) {
                throw new TopologyFormatException(file, doc.unit.line, "unit", "unknown unit '" + doc.unit.text
                        + "', expected BITSPERSEC, KBITPERSEC, MBITPERSEC or GBITPERSEC");
            }
        }
        double factor = BPS_PER_UNIT.get(unit);
        if (doc.nodes.size() > CableTopologyBuilder.MAX_NODES) {
            throw new TopologyFormatException(file, doc.nodes.get(CableTopologyBuilder.MAX_NODES).line, "node",
                    "more than " + CableTopologyBuilder.MAX_NODES + " nodes");
        }
        CableTopologyBuilder builder = new CableTopologyBuilder(1, 0);
        Map<String, Integer> indexById = new HashMap<>();
        for (SndlibDocument.Node node : doc.nodes) {
            indexById.put(node.id, builder.addNode(node.id));
        }
        for (SndlibDocument.Arc link : doc.links) {
            int a = node(file, link, link.source, "source", indexById);
            int b = node(file, link, link.target, "target", indexById);
            long bps = CableTopologyBuilder.toBps(capacity(file, link, factor));
            if (a == b) {
                LOG.warn("{}:{}: link '{}' from node '{}' to itself dropped", file, link.line, link.id,
                        link.source.text);
            } else {
                builder.addCable(a, b, bps);
            }
        }
        List<SndlibNetwork.Demand> demands = new ArrayList<>(doc.demands.size());
        for (SndlibDocument.Arc d : doc.demands) {
            int a = node(file, d, d.source, "source", indexById);
            int b = node(file, d, d.target, "target", indexById);
            if (d.demandValue == null) {
                throw new TopologyFormatException(file, d.line, "demandValue", "demand '" + d.id + "' has no value");
            }
            double bps = number(file, d.demandValue, "demandValue") * factor;
            if (a == b) {
                LOG.warn("{}:{}: demand '{}' from node '{}' to itself dropped", file, d.line, d.id, d.source.text);
            } else {
                demands.add(new SndlibNetwork.Demand(d.id, d.source.text, d.target.text, bps));
            }
        }
        return new SndlibNetwork(builder.build(), demands, unit);
    }

    private static int node(Path file, SndlibDocument.Arc arc, SndlibDocument.Value end, String field,
            Map<String, Integer> indexById) {
        if (end == null || end.text.isEmpty()) {
            throw new TopologyFormatException(file, arc.line, field, "'" + arc.id + "' has no " + field);
        }
        Integer index = indexById.get(end.text);
        if (index == null) {
            throw new TopologyFormatException(file, end.line, field, "unknown node '" + end.text + "'");
        }
        return index;
    }

    /** @return the link's capacity in bits per second: positive pre-installed, else the largest module */
    private static double capacity(Path file, SndlibDocument.Arc link, double factor) {
        if (link.preInstalledCapacity != null) {
            double pre = capacityBps(file, link.preInstalledCapacity, factor);
            if (pre > 0) {
                return pre;
            }
        }
        double largest = 0;
        for (SndlibDocument.Value module : link.moduleCapacities) {
            largest = Math.max(largest, capacityBps(file, module, factor));
        }
        if (largest <= 0) {
            throw new TopologyFormatException(file, link.line, "capacity", "link '" + link.id
                    + "' has no positive capacity in preInstalledModule or additionalModules");
        }
        return largest;
    }

    private static double capacityBps(Path file, SndlibDocument.Value v, double factor) {
        double bps = number(file, v, "capacity") * factor;
        if (bps > CableTopologyBuilder.MAX_BPS) {
            throw new TopologyFormatException(file, v.line, "capacity", "above 1 Pbit/s: '" + v.text + "'");
        }
        return bps;
    }

    /** @return the value as a finite, non-negative number in the file's unit */
    private static double number(Path file, SndlibDocument.Value v, String field) {
        double x;
        try {
            x = Double.parseDouble(v.text);
        } catch (NumberFormatException e) {
            throw new TopologyFormatException(file, v.line, field, "not a number: '" + v.text + "'", e);
        }
        if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
            throw new TopologyFormatException(file, v.line, field, "not a finite, non-negative number: '" + v.text
                    + "'");
        }
        return x;
    }
}
