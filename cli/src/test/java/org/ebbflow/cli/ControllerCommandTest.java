package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerCommandTest {
    @Test
    void runsForTheGivenDurationAndPrintsASummary() {
        Run r = Run.of("controller", "--listen", "127.0.0.1:0", "--duration", "1", "--json");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.err.contains("listening on 127.0.0.1:"), r.toString());
        assertTrue(r.out.contains("\"switches\" : 0"), r.toString());
    }

    @Test
    void badListenAddressIsAUsageError() {
        Run r = Run.of("controller", "--listen", "nowhere", "--duration", "1");
        assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.startsWith("ebbflow: error: listen address must be HOST:PORT"), r.toString());
    }

    @Test
    void unknownConfigKeyIsAUsageError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "stats.interval.ms=1000\nbogus=1\n");
        Run r = Run.of("controller", "--config", f.toString(), "--duration", "1");
        assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.contains("unknown key 'bogus'"), r.toString());
    }
}
