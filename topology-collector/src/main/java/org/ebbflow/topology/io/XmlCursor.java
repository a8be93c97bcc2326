package org.ebbflow.topology.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A thin recursive-descent layer over a StAX reader that turns every parser failure into a
 * {@link TopologyFormatException} with file and line. The caller walks the tree with {@link #nextChild()} and must
 * consume each child it is given (by {@link #text()}, {@link #skip()} or its own {@code nextChild()} loop), so the
 * cursor always knows whose end tag comes next.
 */
final class XmlCursor implements AutoCloseable {
    private final Path file;
    private final InputStream in;
    private final XMLStreamReader reader;

    private XmlCursor(Path file, InputStream in, XMLStreamReader reader) {
        this.file = file;
        this.in = in;
        this.reader = reader;
    }

    /**
     * Opens the file and moves to its root element.
     *
     * @throws UncheckedIOException if the file cannot be opened
     * @throws TopologyFormatException if it is not well-formed XML up to the root element
     */
    static XmlCursor open(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Topology files come from the internet: no DTD processing, no external entities (XXE, entity expansion).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            // A byte stream, not a reader, so the parser honours the declared encoding (SNDlib is ISO-8859-1).
            XmlCursor cursor = new XmlCursor(file, in, factory.createXMLStreamReader(in));
            cursor.toRoot();
            return cursor;
        } catch (XMLStreamException e) {
            closeQuietly(in);
            throw new TopologyFormatException(file, lineOf(e), null, parserMessage(e), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private void toRoot() throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw error(null, "no root element");
    }

    /** @return the file being read */
    Path file() {
        return file;
    }

    /** @return the local name of the current element */
    String name() {
        return reader.getLocalName();
    }

    /** @return the line the parser is at: for a start tag just read, the line where that tag ends */
    int line() {
        Location location = reader.getLocation();
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    /** @return the attribute of the current start element, or null if absent */
    String attribute(String localName) {
        return reader.getAttributeValue(null, localName);
    }

    /**
     * Advances to the next child of the current element.
     *
     * @return true at the child's start tag; false at the current element's end tag
     */
    boolean nextChild() {
        try {
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
            }
        } catch (XMLStreamException e) {
            throw wrap(e);
        } catch (NoSuchElementException e) {
            // Some StAX implementations report a premature end this way instead of an XMLStreamException.
            throw error(null, "unexpected end of file");
        }
    }

    /** Reads the current element's text, ignoring nested elements, and leaves the cursor at its end tag. */
    String text() {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        try {
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                    sb.append(reader.getText());
                }
            }
        } catch (XMLStreamException e) {
            throw wrap(e);
        } catch (NoSuchElementException e) {
            throw error(null, "unexpected end of file");
        }
        return sb.toString().trim();
    }

    /** Skips the current element with everything inside it. */
    void skip() {
        text();
    }

    /** Checks that nothing but comments and whitespace follows the root element. */
    void finish() {
        try {
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    /** @return an exception at the parser's current line */
    TopologyFormatException error(String field, String problem) {
        return new TopologyFormatException(file, line(), field, problem);
    }

    /** @return an exception at a line remembered earlier */
    TopologyFormatException error(int line, String field, String problem) {
        return new TopologyFormatException(file, line, field, problem);
    }

    private TopologyFormatException wrap(XMLStreamException e) {
        int line = lineOf(e);
        return new TopologyFormatException(file, line > 0 ? line : line(), null, parserMessage(e), e);
    }

    private static int lineOf(XMLStreamException e) {
        Location location = e.getLocation();
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    /** The JDK parser prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; the line is ours to give. */
    private static String parserMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        return "malformed XML: " + (at >= 0 ? message.substring(at + "Message: ".length()) : message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing releases parser state only; the stream is closed below either way.
        } finally {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Read-only stream: nothing is lost if closing fails.
        }
    }
}
