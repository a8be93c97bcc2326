package org.ebbflow.topology.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Loads every real topology in the project's shared data folder: all Topology Zoo GraphML files and all SNDlib
 * networks. The folder is outside the repository (SNDlib may not be copied in), so a fresh clone skips this test.
 * The folder is the system property {@code ebbflow.shared.data}, which Surefire sets; from an IDE that does not, it is
 * {@code ../shared/data} next to the project root.
 */
class SharedDataLoadTest {
    private static final Path SHARED = sharedData();

    /** Surefire does not count skipped test factories; this test makes a missing folder show up as one skip. */
    @Test
    void sharedDataFolderIsPresent() {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), SHARED + " not found: skipping");
    }

    @TestFactory
    Stream<DynamicTest> everyTopologyZooFileLoads() throws IOException {
        return files(SHARED.resolve("topology-zoo").resolve("graphml"), ".graphml")
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(GraphMlLoader.load(f))));
    }

    @TestFactory
    Stream<DynamicTest> everySndlibNetworkLoads() throws IOException {
        return files(SHARED.resolve("sndlib-networks"), ".xml")
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    SndlibNetwork net = SndlibLoader.load(f);
                    check(net.snapshot());
                    Set<String> names = net.snapshot().switches().stream().map(SwitchInfo::name)
                            .collect(Collectors.toSet());
                    assertFalse(net.demands().isEmpty(), "no demands");
                    for (SndlibNetwork.Demand d : net.demands()) {
                        assertTrue(names.contains(d.source()) && names.contains(d.target()), d.toString());
                        assertNotEquals(d.source(), d.target(), d.toString());
                    }
                }));
    }

    private static void check(TopologySnapshot s) {
        assertTrue(s.switchCount() > 0, "no switches");
        assertEquals(0, s.linkCount() % 2, "odd link count");
        assertEquals(s.switchCount(), s.hostCount(), "one host per node");
        Set<String> names = new HashSet<>();
        for (SwitchInfo sw : s.switches()) {
            assertTrue(names.add(sw.name()), "duplicate switch name " + sw.name());
        }
        for (Link l : s.links()) {
            assertNotEquals(l.src().dpid(), l.dst().dpid(), "self-loop " + l);
            assertTrue(l.capacityBps() > 0, "capacity of " + l);
        }
        SnapshotChecks.assertConsistent(s);
    }

    private static Stream<Path> files(Path folder, String suffix) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), SHARED + " not found: skipping");
        assertTrue(Files.isDirectory(folder), folder + " missing from the shared data");
        List<Path> found;
        try (Stream<Path> list = Files.list(folder)) {
            found = list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        }
        assertFalse(found.isEmpty(), "no " + suffix + " files in " + folder);
        return found.stream();
    }

    private static Path sharedData() {
        String property = System.getProperty("ebbflow.shared.data");
        Path dir = property != null && !property.isEmpty() ? Paths.get(property)
                // From an IDE the working directory is the module; its parent is the project root.
                : moduleParent().resolve("../shared/data");
        return dir.normalize();
    }

    private static Path moduleParent() {
        Path cwd = Paths.get("").toAbsolutePath();
        return cwd.getParent() == null ? cwd : cwd.getParent();
    }
}
