package org.ebbflow.topology.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of an SNDlib native XML file the loader uses, read in one pass and kept as text with line numbers: the
 * unit, nodes, links with their module capacities, and demands. {@link SndlibLoader} converts and checks them once
 * the unit is known. Elements the loader has no use for (coordinates, costs, admissible paths) are skipped.
 */
final class SndlibDocument {
    /** A text value with the line of its element. */
    static final class Value {
        final String text;
        final int line;

        Value(String text, int line) {
            this.text = text;
            this.line = line;
        }
    }

    /** A {@code <node>}. */
    static final class Node {
        final String id;
        final int line;

        Node(String id, int line) {
            this.id = id;
            this.line = line;
        }
    }

    /** A {@code <link>} or {@code <demand>}: its ends, and capacities or the demand value. */
    static final class Arc {
        final String id;
        final int line;
        Value source;
        Value target;
        Value preInstalledCapacity;
        final List<Value> moduleCapacities = new ArrayList<>();
        Value demandValue;

        Arc(String id, int line) {
            this.id = id;
            this.line = line;
        }
    }

    Value unit;
    final List<Node> nodes = new ArrayList<>();
    final List<Arc> links = new ArrayList<>();
    final List<Arc> demands = new ArrayList<>();

    private SndlibDocument() {
    }

    /**
     * Reads the document the cursor is at the root of.
     *
     * @throws TopologyFormatException on malformed XML, a node without id or a duplicate id
     */
    static SndlibDocument read(XmlCursor xml) {
        if (!xml.name().equals("network")) {
            throw xml.error(null, "root element is <" + xml.name() + ">, not SNDlib's <network>");
        }
        SndlibDocument doc = new SndlibDocument();
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "meta":
                    doc.readMeta(xml);
                    break;
                case "networkStructure":
                    doc.readStructure(xml);
                    break;
                case "demands":
                    while (xml.nextChild()) {
                        if (xml.name().equals("demand")) {
                            doc.demands.add(readArc(xml));
                        } else {
                            xml.skip();
                        }
                    }
                    break;
                default:
                    xml.skip();
            }
        }
        xml.finish();
        return doc;
    }

    private void readMeta(XmlCursor xml) {
        while (xml.nextChild()) {
            if (xml.name().equals("unit")) {
                int line = xml.line();
                unit = new Value(xml.text(), line);
            } else {
                xml.skip();
            }
        }
    }

    private void readStructure(XmlCursor xml) {
        Set<String> ids = new HashSet<>();
        while (xml.nextChild()) {
            String section = xml.name();
            if (!section.equals("nodes") && !section.equals("links")) {
                xml.skip();
                continue;
            }
            while (xml.nextChild()) {
                if (section.equals("nodes") && xml.name().equals("node")) {
                    int line = xml.line();
                    String id = xml.attribute("id");
                    if (id == null || id.trim().isEmpty()) {
                        throw xml.error(line, "id", "<node> without id");
                    }
                    if (!ids.add(id)) {
                        throw xml.error(line, "id", "duplicate node id '" + id + "'");
                    }
                    nodes.add(new Node(id, line));
                    xml.skip();
                } else if (section.equals("links") && xml.name().equals("link")) {
                    links.add(readArc(xml));
                } else {
                    xml.skip();
                }
            }
        }
    }

    /** Reads a link or a demand: both have source and target, then modules or a demand value. */
    private static Arc readArc(XmlCursor xml) {
        Arc arc = new Arc(xml.attribute("id"), xml.line());
        while (xml.nextChild()) {
            int line = xml.line();
            switch (xml.name()) {
                case "source":
                    arc.source = new Value(xml.text(), line);
                    break;
                case "target":
                    arc.target = new Value(xml.text(), line);
                    break;
                case "demandValue":
                    arc.demandValue = new Value(xml.text(), line);
                    break;
                case "preInstalledModule":
                    arc.preInstalledCapacity = readCapacity(xml);
                    break;
                case "additionalModules":
                    while (xml.nextChild()) {
                        if (xml.name().equals("addModule")) {
                            Value capacity = readCapacity(xml);
                            if (capacity != null) {
                                arc.moduleCapacities.add(capacity);
                            }
                        } else {
                            xml.skip();
                        }
                    }
                    break;
                default:
                    xml.skip();
            }
        }
        return arc;
    }

    /** @return the {@code <capacity>} inside a module, or null if it has none */
    private static Value readCapacity(XmlCursor xml) {
        Value capacity = null;
        while (xml.nextChild()) {
            if (xml.name().equals("capacity")) {
                int line = xml.line();
                capacity = new Value(xml.text(), line);
            } else {
                xml.skip();
            }
        }
        return capacity;
    }
}
