package org.ebbflow.topology.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a GraphML file the loader uses, read in one pass and kept raw with their line numbers: key
 * declarations, nodes and edges of the single top-level graph with their data values. Meaning is given later by
 * {@link GraphMlLoader}, so that keys may be declared after their use and errors can still point at the right line.
 */
final class GraphMlDocument {
    /** A {@code <key>} declaration: which attribute a data key id stands for, on which kind of element. */
    static final class Key {
        final String name;
        final String domain;
        final Value defaultValue;

        Key(String name, String domain, Value defaultValue) {
            this.name = name;
            this.domain = domain;
            this.defaultValue = defaultValue;
        }

        boolean appliesTo(String elementKind) {
            return domain.equals(elementKind) || domain.equals("all");
        }
    }

    /** A data value or key default with the line it was read from. */
    static final class Value {
        final String text;
        final int line;

        Value(String text, int line) {
            this.text = text;
            this.line = line;
        }
    }

    /** A {@code <node>} or {@code <edge>} with its data values keyed by key id. */
    static final class Element {
        final int line;
        final String id;
        final String source;
        final String target;
        final Map<String, Value> data = new HashMap<>();

        Element(int line, String id, String source, String target) {
            this.line = line;
            this.id = id;
            this.source = source;
            this.target = target;
        }
    }

    // Declaration order, so that a lookup by attribute name is deterministic even if a name is declared twice.
    final Map<String, Key> keys = new LinkedHashMap<>();
    final List<Element> nodes = new ArrayList<>();
    final List<Element> edges = new ArrayList<>();

    private GraphMlDocument() {
    }

    /**
     * Reads the document the cursor is at the root of.
     *
     * @throws TopologyFormatException on malformed XML, a missing node id or edge end, duplicate node ids, nested
     *     graphs or hyperedges
     */
    static GraphMlDocument read(XmlCursor xml) {
        if (!xml.name().equals("graphml")) {
            throw xml.error(null, "root element is <" + xml.name() + ">, not <graphml>");
        }
        GraphMlDocument doc = new GraphMlDocument();
        boolean graphSeen = false;
        while (xml.nextChild()) {
            if (xml.name().equals("key")) {
                doc.readKey(xml);
            } else if (xml.name().equals("graph")) {
                if (graphSeen) {
                    throw xml.error("graph", "more than one <graph> in the file is not supported");
                }
                graphSeen = true;
                doc.readGraph(xml);
            } else {
                xml.skip();
            }
        }
        if (!graphSeen) {
            throw xml.error("graph", "no <graph> element");
        }
        xml.finish();
        return doc;
    }

    private void readKey(XmlCursor xml) {
        int line = xml.line();
        String id = xml.attribute("id");
        if (id == null) {
            throw xml.error(line, "id", "<key> without id");
        }
        String name = xml.attribute("attr.name");
        String domain = xml.attribute("for");
        Value defaultValue = null;
        while (xml.nextChild()) {
            if (xml.name().equals("default")) {
                int defaultLine = xml.line();
                defaultValue = new Value(xml.text(), defaultLine);
            } else {
                xml.skip();
            }
        }
        // A key without attr.name cannot be one of the attributes the loader looks up by name; keep it harmlessly.
        keys.put(id, new Key(name == null ? "" : name, domain == null ? "all" : domain, defaultValue));
    }

    private void readGraph(XmlCursor xml) {
        Set<String> nodeIds = new HashSet<>();
        while (xml.nextChild()) {
            int line = xml.line();
            switch (xml.name()) {
                case "node":
                    String id = xml.attribute("id");
                    if (id == null || id.trim().isEmpty()) {
                        throw xml.error(line, "id", "<node> without id");
                    }
                    if (!nodeIds.add(id)) {
                        throw xml.error(line, "id", "duplicate node id '" + id + "'");
                    }
                    nodes.add(readData(xml, new Element(line, id, null, null)));
                    break;
                case "edge":
                    String source = xml.attribute("source");
                    String target = xml.attribute("target");
                    if (source == null) {
                        throw xml.error(line, "source", "<edge> without source");
                    }
                    if (target == null) {
                        throw xml.error(line, "target", "<edge> without target");
                    }
                    edges.add(readData(xml, new Element(line, xml.attribute("id"), source, target)));
                    break;
                case "hyperedge":
                    throw xml.error(line, "hyperedge", "hyperedges are not supported");
                default:
                    xml.skip();
            }
        }
    }

    private static Element readData(XmlCursor xml, Element element) {
        while (xml.nextChild()) {
            if (xml.name().equals("data")) {
                int line = xml.line();
                String key = xml.attribute("key");
                if (key == null) {
                    throw xml.error(line, "key", "<data> without key");
                }
                element.data.put(key, new Value(xml.text(), line));
            } else if (xml.name().equals("graph")) {
                throw xml.error("graph", "nested graphs are not supported");
            } else {
                xml.skip();
            }
        }
        return element;
    }
}
