package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command's input checks; the end-to-end run itself is exercised by the Mininet integration tests. */
class MininetCommandTest {
    @Test
    void unknownScenarioIsAUsageErrorNamingTheValidOnes() {
        Run r = Run.of("mininet", "--scenario", "tsunami");
        assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.contains("unknown scenario 'tsunami' (valid: idle, diurnal, surge)"), r.toString());
    }

    @Test
    void oddKIsAUsageError() {
        Run r = Run.of("mininet", "--scenario", "idle", "--k", "3");
        assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.contains("--k must be even"), r.toString());
    }

    @Test
    void nonPositiveDurationIsAUsageError() {
        Run r = Run.of("mininet", "--scenario", "surge", "--minutes", "0");
        assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.contains("--minutes must be above 0"), r.toString());
    }

    @Test
    void helpNamesTheScenariosAndTheJsonOption() {
        Run r = Run.of("mininet", "--help");
        assertEquals(0, r.exitCode, r.toString());
        assertTrue(r.out.contains("idle") && r.out.contains("diurnal") && r.out.contains("surge"), r.toString());
        assertTrue(r.out.contains("--json"), r.toString());
    }
}
