package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EbbflowCommandTest {
    @Test
    void helpOnTheTopCommand() {
        Run r = Run.of("--help");
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(r.out.startsWith("Usage: ebbflow "), r.out);
        assertTrue(r.out.contains("topology"), r.out);
        assertTrue(r.out.contains("Exit codes:"), r.out);
        assertTrue(r.out.contains("--verbose"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void helpOnTheSubcommandListsOptionsExitCodesAndTheSpecGrammar() {
        Run r = Run.of("topology", "--help");
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(r.out.startsWith("Usage: ebbflow topology "), r.out);
        assertTrue(r.out.contains("--topology=SPEC"), r.out);
        assertTrue(r.out.contains("--json"), r.out);
        assertTrue(r.out.contains("--verbose"), r.out);
        assertTrue(r.out.contains("2   Invalid command line"), r.out);
        assertTrue(r.out.contains("leaf-spine:spines=S,leaves=L,hosts=H"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void versionOnTheTopCommandAndTheSubcommand() {
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"topology", "--version"}}) {
            Run r = Run.of(args);
            assertEquals(0, r.exitCode, r::toString);
            assertEquals("ebbflow " + ManifestVersionProvider.version(), r.out.strip());
            assertEquals("", r.err);
        }
        assertEquals("dev", ManifestVersionProvider.version(), "tests run from classes, without a manifest");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Run r = Run.of();
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.startsWith("Missing required subcommand"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Run r = Run.of("topologies");
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.contains("topologies"), r.err);
        assertEquals("", r.out);
    }
}
