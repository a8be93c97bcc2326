package org.ebbflow.predictor.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.ebbflow.predictor.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSeriesReaderTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    private TimeSeries one(String content, String columnAndOptions) throws IOException {
        Path f = Files.write(dir.resolve("s.csv"), content.getBytes(StandardCharsets.UTF_8));
        List<TimeSeries> s = DataSpec.parse("csv:" + f + "#" + columnAndOptions).read();
        assertEquals(1, s.size());
        return s.get(0);
    }

    static Path resource(String name) {
        try {
            return Paths.get(CsvSeriesReaderTest.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void epochSecondsWithHeaderAndGap() throws IOException {
        TimeSeries s = one("time,rate\n1600000000,10\n1600000060,20\n1600000180,40\n", "rate");
        assertEquals("rate", s.name());
        assertEquals(60_000, s.stepMillis());
        assertEquals(1_600_000_000_000L, s.startMillis());
        assertArrayEquals(new double[] {10, 20, NAN, 40}, s.values());
        assertEquals("bps", s.unit());
    }

    @Test
    void epochMillisWithoutHeaderByIndex() throws IOException {
        TimeSeries s = one("1600000000000,1,2\n1600000005000,3,4\n1600000010000,5,6\n", "3");
        assertEquals("column 3", s.name());
        assertEquals(5_000, s.stepMillis());
        assertArrayEquals(new double[] {2, 4, 6}, s.values());
    }

    @Test
    void isoWithBlankOrTAndOffsets() throws IOException {
        TimeSeries a = one("t,v\n2005-06-07 07:00:00,1\n2005-06-07 07:05:00,2\n", "v");
        assertEquals(Instant.parse("2005-06-07T07:00:00Z").toEpochMilli(), a.startMillis());
        assertEquals(300_000, a.stepMillis());
        TimeSeries b = one("t,v\n2005-06-07T09:00:00+02:00,1\n2005-06-07T07:05:00Z,2\n", "v");
        assertEquals(Instant.parse("2005-06-07T07:00:00Z").toEpochMilli(), b.startMillis());
        assertArrayEquals(new double[] {1, 2}, b.values());
    }

    @Test
    void compactTime() throws IOException {
        TimeSeries s = one("time,x\n20040301-0000,1\n20040301-0005,2\n", "x");
        assertEquals(Instant.parse("2004-03-01T00:00:00Z").toEpochMilli(), s.startMillis());
        assertEquals(300_000, s.stepMillis());
    }

    @Test
    void stepIndicesUseTheGivenStepAndKeepGaps() throws IOException {
        TimeSeries s = one("i,v\n0,1\n1,2\n3,4\n", "v,step=5m");
        assertEquals(300_000, s.stepMillis());
        assertEquals(0, s.startMillis());
        assertArrayEquals(new double[] {1, 2, NAN, 4}, s.values());
        TimeSeries d = one("i,v\n0,1\n1,2\n", "v");
        assertEquals(DataSpec.DEFAULT_INDEX_STEP_MILLIS, d.stepMillis());
    }

    @Test
    void irregularRowsGoToTheNearestStepAndAverage() throws IOException {
        // Gaps 60, 61, 4, 115, 60: median 60 s; 121 and 125 s share step 2 (averaged); 240 s is an empty cell.
        TimeSeries s = one("t,v\n1600000000,10\n1600000060,20\n1600000121,30\n1600000125,50\n1600000300,7\n"
                + "1600000240,\n", "v");
        assertEquals(60_000, s.stepMillis());
        assertArrayEquals(new double[] {10, 20, 40, NAN, NAN, 7}, s.values());
    }

    @Test
    void scaleAndUnorderedRowsAndQuotes() throws IOException {
        TimeSeries s = one("\"time\",\"a, b\"\n1600000060,\"4\"\n1600000000,2\n", "a, b,scale=8");
        assertArrayEquals(new double[] {16, 32}, s.values());
    }

    @Test
    void negativeValuesAreMissing() throws IOException {
        TimeSeries s = one("t,v\n0,1\n1,-2\n2,3\n", "v");
        assertArrayEquals(new double[] {1, NAN, 3}, s.values());
    }

    @Test
    void errorsNameFileLineAndField() throws IOException {
        DataFormatException e = assertThrows(DataFormatException.class,
            () -> one("t,v\n1600000000,1\n1600000060,abc\n", "v"));
        assertTrue(e.getMessage().endsWith("s.csv:3: v: not a number: 'abc'"), e.getMessage());
        assertEquals(3, e.line());
        assertEquals("v", e.field());
        e = assertThrows(DataFormatException.class, () -> one("t,v\n1600000000,1\n1600000060\n", "v"));
        assertTrue(e.getMessage().contains("s.csv:3: expected 2 comma-separated fields as in the header, found 1"),
            e.getMessage());
        e = assertThrows(DataFormatException.class, () -> one("t,v\n1600000000,1\n2005-01-01,2\n", "v"));
        assertTrue(e.getMessage().contains("s.csv:3: t: not a time in the column's format (epoch seconds)"),
            e.getMessage());
        e = assertThrows(DataFormatException.class, () -> one("t,v\n1600000000,1\n", "v"));
        assertTrue(e.getMessage().contains("cannot infer the time step"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> one("t,v\n", "v"));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        DataSpecException s = assertThrows(DataSpecException.class, () -> one("t,v\n0,1\n", "w"));
        assertTrue(s.getMessage().contains("no column 'w' in the header (value columns: 'v')"), s.getMessage());
        s = assertThrows(DataSpecException.class, () -> one("t,v\n0,1\n", "3"));
        assertTrue(s.getMessage().contains("column 3 does not exist"), s.getMessage());
    }

    @Test
    void realInternetLinkExcerpt() {
        Path f = resource("internet-links/it_eu_5m_excerpt.csv");
        TimeSeries s = DataSpec.parse("csv:" + f + "#traffic (in bits)").read().get(0);
        assertEquals(400, s.length());
        assertEquals(300_000, s.stepMillis());
        assertEquals(3562279127.0, s.value(0), 0);
        for (double v : s.values()) {
            assertTrue(v > 0);
        }
        TimeSeries byIndex = DataSpec.parse("csv:" + f + "#2").read().get(0);
        assertArrayEquals(s.values(), byIndex.values());
    }
}
