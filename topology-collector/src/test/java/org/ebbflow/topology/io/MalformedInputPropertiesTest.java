package org.ebbflow.topology.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Damaged copies of valid files (cut short, or with one character replaced) either still load or fail with a
 * {@link TopologyFormatException} that names the file and a line; never with another exception.
 */
class MalformedInputPropertiesTest {
    private static final String GRAPHML = "/topology-zoo/Nordu2005.graphml";
    private static final String SNDLIB = "/sndlib/ring4.xml";

    @Property(tries = 100)
    void truncatedGraphMlFailsCleanly(@ForAll @DoubleRange(min = 0, max = 1) double at) throws IOException {
        String text = read(GRAPHML, StandardCharsets.UTF_8);
        String cut = text.substring(0, (int) (at * text.length()));
        check(cut, StandardCharsets.UTF_8, ".graphml", GraphMlLoader::load);
    }

    @Property(tries = 100)
    void damagedGraphMlFailsCleanly(@ForAll @DoubleRange(min = 0, max = 1) double at,
            @ForAll @CharRange(from = ' ', to = '~') char replacement) throws IOException {
        check(replaceAt(read(GRAPHML, StandardCharsets.UTF_8), at, replacement), StandardCharsets.UTF_8, ".graphml",
                GraphMlLoader::load);
    }

    @Property(tries = 100)
    void truncatedSndlibFailsCleanly(@ForAll @DoubleRange(min = 0, max = 1) double at) throws IOException {
        String text = read(SNDLIB, StandardCharsets.ISO_8859_1);
        String cut = text.substring(0, (int) (at * text.length()));
        check(cut, StandardCharsets.ISO_8859_1, ".xml", SndlibLoader::load);
    }

    @Property(tries = 100)
    void damagedSndlibFailsCleanly(@ForAll @DoubleRange(min = 0, max = 1) double at,
            @ForAll @CharRange(from = ' ', to = '~') char replacement) throws IOException {
        check(replaceAt(read(SNDLIB, StandardCharsets.ISO_8859_1), at, replacement), StandardCharsets.ISO_8859_1,
                ".xml", SndlibLoader::load);
    }

    private static String replaceAt(String text, double at, char replacement) {
        int i = Math.min((int) (at * text.length()), text.length() - 1);
        return text.substring(0, i) + replacement + text.substring(i + 1);
    }

    private static void check(String content, Charset charset, String suffix, Consumer<Path> loader)
            throws IOException {
        Path file = Files.createTempFile("damaged", suffix);
        try {
            Files.write(file, content.getBytes(charset));
            try {
                loader.accept(file);
            } catch (TopologyFormatException e) {
                assertTrue(e.line() > 0, e.getMessage());
                assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": "), e.getMessage());
            }
        } finally {
            Files.delete(file);
        }
    }

    private static String read(String resource, Charset charset) throws IOException {
        return new String(Files.readAllBytes(SnapshotChecks.resource(resource)), charset);
    }
}
