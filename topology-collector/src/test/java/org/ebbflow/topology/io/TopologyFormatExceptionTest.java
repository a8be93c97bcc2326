package org.ebbflow.topology.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class TopologyFormatExceptionTest {
    private static final Path FILE = Paths.get("data", "Abilene.graphml");

    @Test
    void messageHasFileLineFieldAndProblem() {
        TopologyFormatException e = new TopologyFormatException(FILE, 12, "source", "unknown node '7'");
        assertEquals(FILE + ":12: source: unknown node '7'", e.getMessage());
        assertEquals(FILE, e.file());
        assertEquals(12, e.line());
        assertEquals("source", e.field());
    }

    @Test
    void unknownPartsAreLeftOut() {
        assertEquals(FILE + ": no <graph> element", new TopologyFormatException(FILE, 0, null, "no <graph> element")
                .getMessage());
        assertEquals("line 3: unit: bad", new TopologyFormatException(null, 3, "unit", "bad").getMessage());
        assertEquals("bad", new TopologyFormatException(null, -1, null, "bad").getMessage());
        assertEquals(0, new TopologyFormatException(null, -1, null, "bad").line());
        assertNull(new TopologyFormatException(FILE, 1, null, "x").field());
    }

    @Test
    void messageIsOneLineAndKeepsTheCause() {
        IllegalStateException cause = new IllegalStateException();
        TopologyFormatException e = new TopologyFormatException(FILE, 4, null, "ParseError\n  Message: broken", cause);
        assertEquals(FILE + ":4: ParseError Message: broken", e.getMessage());
        assertSame(cause, e.getCause());
    }
}
