package org.ebbflow.predictor.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ebbflow.predictor.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The abilene and fbpod readers. */
class MatrixReadersTest {
    @TempDir
    Path dir;

    @Test
    void abileneSynthetic() {
        Path f = CsvSeriesReaderTest.resource("abilene_synthetic.csv");
        List<TimeSeries> s = DataSpec.parse("abilene:" + f).read();
        assertEquals(6, s.size());
        assertEquals("AAA->BBB", s.get(0).name());
        assertEquals("CCC->BBB", s.get(5).name());
        TimeSeries ac = s.get(1);
        assertEquals(300_000, ac.stepMillis());
        assertEquals(Instant.parse("2020-01-02T00:00:00Z").toEpochMilli(), ac.startMillis());
        assertEquals(24, ac.length());
        assertEquals(3.0e6, ac.value(0), 1e-6);
        assertEquals(0.0, ac.value(3), 0); // empty cell: absent demand
        assertTrue(Double.isNaN(ac.value(10))); // missing row: a gap
        assertEquals((3.0 + 11 * 0.25) * 1e6, ac.value(11), 1e-6);
        assertEquals("bps", ac.unit());
        assertEquals("abilene:" + f, ac.source());
        List<TimeSeries> mbps = DataSpec.parse("abilene:" + f + ",scale=1").read();
        assertEquals(3.0, mbps.get(1).value(0), 1e-12);
    }

    @Test
    void abileneErrors() throws IOException {
        Path f = Files.write(dir.resolve("ab.csv"), "time,A->B\n20200102-0000,1\n20200102-0005,x\n"
                .getBytes(StandardCharsets.UTF_8));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSpec.parse("abilene:" + f).read());
        assertTrue(e.getMessage().endsWith("ab.csv:3: A->B: not a number: 'x'"), e.getMessage());
        Path g = Files.write(dir.resolve("nopairs.csv"), "time,a\n20200102-0000,1\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(DataFormatException.class, () -> DataSpec.parse("abilene:" + g).read());
        assertTrue(e.getMessage().contains("nopairs.csv:1: no SRC->DST column"), e.getMessage());
    }

    @Test
    void fbpodFolderInNumericOrder() throws IOException {
        Path folder = CsvSeriesReaderTest.resource("fbpod/1.hist").getParent();
        List<TimeSeries> s = DataSpec.parse("fbpod:" + folder).read();
        assertEquals(12, s.size());
        assertEquals("0->1", s.get(0).name());
        assertEquals("3->2", s.get(11).name());
        TimeSeries first = s.get(0);
        assertEquals(90, first.length());
        assertEquals(1_000, first.stepMillis());
        assertEquals(0, first.startMillis());
        assertEquals("units", first.unit());
        // 1.hist line 1 is "0 1289 72 3712 ..." (row 0), so 0->1 starts 1289, 0->2 72, 0->3 3712.
        assertEquals(1289, first.value(0), 0);
        assertEquals(72, s.get(1).value(0), 0);
        assertEquals(3712, s.get(2).value(0), 0);
        // Line 41 of the sequence is 2.hist line 1, line 81 is 10.hist line 1 (2.hist line 41 of the source).
        double[] twoFirst = firstRow(folder.resolve("2.hist"));
        double[] tenFirst = firstRow(folder.resolve("10.hist"));
        assertEquals(twoFirst[1], first.value(40), 0);
        assertEquals(tenFirst[1], first.value(80), 0);
        TimeSeries one = DataSpec.parse("fbpod:" + folder.resolve("1.hist") + ",step=5s").read().get(0);
        assertEquals(40, one.length());
        assertEquals(5_000, one.stepMillis());
    }

    private static double[] firstRow(Path f) throws IOException {
        String[] p = Files.readAllLines(f).get(0).trim().split("\\s+");
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = Double.parseDouble(p[i]);
        }
        return v;
    }

    @Test
    void fbpodDecimalsAndErrors() throws IOException {
        Path ok = Files.write(dir.resolve("1.hist"), "0 1.5 2 0\n\n0 2.5 3e1 0\n".getBytes(StandardCharsets.UTF_8));
        List<TimeSeries> s = DataSpec.parse("fbpod:" + ok).read();
        assertEquals(2, s.size());
        assertArrayEquals(new double[] {1.5, 2.5}, s.get(0).values());
        assertArrayEquals(new double[] {2, 30}, s.get(1).values());
        assertFbpodError("0 1 2\n", "x.hist:1: 3 values is not an N×N matrix");
        assertFbpodError("0 1 2 0\n0 1 2\n", "x.hist:2: 3 values, but ");
        assertFbpodError("0 1 2 0\n0 1 z 0\n", "x.hist:2: entry (1,0): not a number: 'z'");
        assertFbpodError("0 1 2 0\n0 -1 2 0\n", "x.hist:2: entry (0,1): demand must be a finite number >= 0");
        assertFbpodError("\n\n", "x.hist: no matrices");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        DataSpecException e = assertThrows(DataSpecException.class, () -> DataSpec.parse("fbpod:" + empty).read());
        assertTrue(e.getMessage().contains("no .hist files"), e.getMessage());
    }

    private void assertFbpodError(String content, String expected) throws IOException {
        Path f = Files.write(dir.resolve("x.hist"), content.getBytes(StandardCharsets.UTF_8));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSpec.parse("fbpod:" + f).read());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
