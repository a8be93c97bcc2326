package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the real {@code ./ebbflow} launcher against an already built jar; skipped when there is none. */
class LauncherTest {
    private static final Path ROOT = Paths.get("").toAbsolutePath().getParent();

    private static Process start(Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("./ebbflow"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Never build from inside a test: use the jar as it is, even if sources are newer.
        pb.environment().put("EBBFLOW_SKIP_BUILD", "1");
        pb.environment().remove("EBBFLOW_JAVA_OPTS");
        return pb.start();
    }

    @Test
    void launcherRunsTheJarAndPassesTheExitCodeThrough() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(ROOT.resolve("cli/target/ebbflow.jar")),
                "cli/target/ebbflow.jar not built yet");
        Assumptions.assumeTrue(Files.isExecutable(ROOT.resolve("ebbflow")), "no executable launcher");
        Path err = Files.createTempFile("ebbflow-launcher", ".err");
        try {
            Process p = start(err, "topology", "--topology", "fat-tree:k=4", "--json");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher timed out");
            assertEquals(0, p.exitValue(), () -> out + readQuietly(err));
            JsonNode j = TopologyCommandTest.oneJsonObject(out);
            assertEquals(20, j.get("switches").asInt());
            assertEquals(32, j.get("switchLinks").asInt());

            Process bad = start(err, "topology", "--topology", "fat-tree:k=7");
            bad.getInputStream().readAllBytes();
            assertTrue(bad.waitFor(60, TimeUnit.SECONDS), "launcher timed out");
            assertEquals(2, bad.exitValue());
            assertEquals("ebbflow: error: fat-tree k must be an even number from 2 to 64, got 7",
                    Files.readString(err).strip());
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
