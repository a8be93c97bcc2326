package org.ebbflow.predictor.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ebbflow.predictor.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlibabaAndEbbflowReadersTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    /** Made-up rows in the trace's format: m_a's counters grow 60 units a minute in, 30 out; m_b sampled once. */
    @Test
    void alibabaPerMachineInAndOut() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= 20; i++) {
            sb.append("m_a,").append(i * 60).append(",10,50,,,").append(100 + i * 60).append(',')
                .append(50 + i * 30).append(",3\n");
        }
        sb.append("m_b,0,10,50,,,1,1,3\n");
        Path f = Files.write(dir.resolve("machine_usage.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
        List<TimeSeries> s = DataSpec.parse("alibaba:" + f).read();
        assertEquals(2, s.size()); // m_b has no interval: left out
        assertEquals("m_a/net_in", s.get(0).name());
        assertEquals("m_a/net_out", s.get(1).name());
        assertEquals(300_000, s.get(0).stepMillis());
        assertEquals(4, s.get(0).length());
        assertEquals("units/s", s.get(0).unit());
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, s.get(0).value(i), 1e-9);
            assertEquals(0.5, s.get(1).value(i), 1e-9);
        }
        List<TimeSeries> m = DataSpec.parse("alibaba:" + f + ",step=1m").read();
        assertEquals(20, m.get(0).length());
    }

    @Test
    void alibabaStructureErrorNamesLineAndField() throws IOException {
        Path f = Files.write(dir.resolve("mu.csv"), "m_a,0,1,1,,,1,1,1\nm_a,x,1,1,,,1,1,1\n"
            .getBytes(StandardCharsets.UTF_8));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSpec.parse("alibaba:" + f).read());
        assertTrue(e.getMessage().endsWith("mu.csv:2: time_stamp: not an integer number of seconds: 'x'"),
            e.getMessage());
    }

    @Test
    void ebbflowRoundTrip() throws IOException {
        Path f = dir.resolve("ports.csv");
        try (EbbflowSeriesWriter w = EbbflowSeriesWriter.open(f)) {
            for (int t = 0; t < 4; t++) {
                if (t != 2) {
                    w.write(1_000_000L + t * 5_000L, "s1/p1", 1000.5 * t, t == 1 ? NAN : 2000, "web");
                }
                w.write(1_000_000L + t * 5_000L, "s1/p2", t, 0, null);
            }
            assertEquals(7, w.rows());
        }
        List<TimeSeries> s = DataSpec.parse("ebbflow:" + f).read();
        assertEquals(4, s.size());
        TimeSeries rx = s.get(0);
        assertEquals("s1/p1/rx", rx.name());
        assertEquals("web", rx.taskClass());
        assertEquals(5_000, rx.stepMillis());
        assertEquals(1_000_000L, rx.startMillis());
        assertArrayEquals(new double[] {0, 1000.5, NAN, 3001.5}, rx.values());
        assertArrayEquals(new double[] {2000, NAN, NAN, 2000}, s.get(1).values());
        assertEquals("s1/p2/tx", s.get(3).name());
        assertNull(s.get(3).taskClass());
        assertArrayEquals(new double[] {0, 1, 2, 3}, s.get(2).values());
    }

    @Test
    void ebbflowWriterFormat() throws IOException {
        StringWriter out = new StringWriter();
        try (EbbflowSeriesWriter w = new EbbflowSeriesWriter(out)) {
            w.write(0, "a", 1e6, 0.25, "batch");
            w.write(5000, "a", NAN, 3, "batch");
            assertThrows(IllegalArgumentException.class, () -> w.write(0, "a,b", 1, 1, null));
            assertThrows(IllegalArgumentException.class, () -> w.write(0, "a", -1, 1, null));
        }
        assertEquals("time_millis,series,rx_bps,tx_bps,class\n0,a,1000000,0.25,batch\n5000,a,,3,batch\n",
            out.toString());
    }

    @Test
    void ebbflowErrors() throws IOException {
        assertEbbflowError("time,series\n", "p.csv:1: expected the header 'time_millis,series,rx_bps,tx_bps,class'");
        assertEbbflowError("time_millis,series,rx_bps,tx_bps\n0,a,1,2\n5,a,x,2\n", "p.csv:3: rx_bps: not a number");
        assertEbbflowError("time_millis,series,rx_bps,tx_bps\n0,a,1,2\nt,a,1,2\n", "p.csv:3: time_millis: not an");
        assertEbbflowError("time_millis,series,rx_bps,tx_bps,class\n0,a,1,2,web\n5,a,1,2,db\n",
            "p.csv:3: class: series a has class 'db' here but 'web' on line 2");
        assertEbbflowError("time_millis,series,rx_bps,tx_bps\n0,a,1\n", "p.csv:2: expected 4 comma-separated");
        assertEbbflowError("time_millis,series,rx_bps,tx_bps\n0,a,-1,2\n5,a,1,1\n", "p.csv:2: rx_bps: rate must be");
    }

    private void assertEbbflowError(String content, String expected) throws IOException {
        Path f = Files.write(dir.resolve("p.csv"), content.getBytes(StandardCharsets.UTF_8));
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSpec.parse("ebbflow:" + f).read());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
