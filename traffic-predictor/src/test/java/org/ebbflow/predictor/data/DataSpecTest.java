package org.ebbflow.predictor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSpecTest {
    @TempDir
    Path dir;

    private Path file(String name) throws IOException {
        return Files.write(dir.resolve(name), "t,v\n0,1\n".getBytes());
    }

    @Test
    void csvWithNamedColumnAndOptions() throws IOException {
        Path f = file("a.csv");
        DataSpec s = DataSpec.parse(" csv:" + f + "#traffic (in bits),step=5m,scale=0.5 ");
        assertEquals(DataKind.CSV, s.kind());
        assertEquals(f, s.path());
        assertEquals("traffic (in bits)", s.column());
        assertEquals(300_000, s.stepMillis(0));
        assertEquals(0.5, s.scale(1), 0);
        assertEquals("csv:" + f + "#traffic (in bits),scale=0.5,step=5m", s.toString());
        assertEquals(s, DataSpec.parse(s.toString()));
    }

    @Test
    void pathsMayContainCommasAndHashes() throws IOException {
        Path f = file("a,b#c.csv");
        DataSpec s = DataSpec.parse("csv:" + f + "#2");
        assertEquals(f, s.path());
        assertEquals("2", s.column());
        DataSpec a = DataSpec.parse("abilene:" + f);
        assertEquals(f, a.path());
        assertNull(a.column());
    }

    @Test
    void fbpodTakesAFolderAndAStep() {
        DataSpec s = DataSpec.parse("FBPOD:" + dir + ",step=250ms");
        assertEquals(DataKind.FBPOD, s.kind());
        assertEquals(250, s.stepMillis(1000));
        assertEquals(1000, DataSpec.parse("fbpod:" + dir).stepMillis(1000));
    }

    @Test
    void errorsAreOneLineAndNameTheProblem() throws IOException {
        Path f = file("a.csv");
        assertMessage("empty data spec", "  ");
        assertMessage("has no kind", f.toString());
        assertMessage("unknown data kind 'tsv' (kinds: csv, abilene, fbpod, alibaba, ebbflow)", "tsv:" + f);
        assertMessage("needs a column after '#'", "csv:" + f);
        assertMessage("column 1 is the time column", "csv:" + f + "#1");
        assertMessage("unknown csv option 'window' in", "csv:" + f + "#2,window=3");
        assertMessage("unknown alibaba option 'scale'", "alibaba:" + f + ",scale=2");
        assertMessage("bad step '5 parsecs'", "csv:" + f + "#2,step=5 parsecs");
        assertMessage("bad scale '-1'", "abilene:" + f + ",scale=-1");
        assertMessage("option 'step' given twice", "fbpod:" + f + ",step=1s,step=2s");
        assertMessage("no such file: " + dir.resolve("nope.csv"), "csv:" + dir.resolve("nope.csv") + "#2");
        assertMessage("no such file", "abilene:" + dir);
        assertMessage("needs a path", "ebbflow:");
    }

    @Test
    void specsRepeat() throws IOException {
        Path a = file("a.csv");
        DataSpecs s = DataSpecs.parse(Arrays.asList("csv:" + a + "#2", "csv:" + a + "#v"));
        assertEquals(2, s.specs().size());
        assertEquals(2, s.read().size());
        assertThrows(DataSpecException.class, () -> DataSpecs.parse(Arrays.asList()));
    }

    @Test
    void durations() {
        assertEquals(500, Durations.parseMillis("500ms"));
        assertEquals(90_000, Durations.parseMillis("1.5m"));
        assertEquals(300_000, Durations.parseMillis("5min"));
        assertEquals(86_400_000, Durations.parseMillis("1d"));
        assertEquals("5m", Durations.format(300_000));
        assertEquals("90s", Durations.format(90_000));
        assertEquals("250ms", Durations.format(250));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseMillis("5"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseMillis("0s"));
    }

    private static void assertMessage(String expected, String spec) {
        DataSpecException e = assertThrows(DataSpecException.class, () -> DataSpec.parse(spec), spec);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
