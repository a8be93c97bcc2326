package org.ebbflow.flowstats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.ebbflow.flowstats.RateSink;
import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.flowstats.features.Feature;
import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.MissingPolicy;
import org.ebbflow.flowstats.features.SlidingWindows;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reader on real counters (an excerpt of Alibaba cluster-trace-v2018, see the resource's ATTRIBUTION.md), on a
 * hand-written file with every kind of bad row, and on the full shared sample when it is there.
 */
class AlibabaMachineUsageReaderTest {
    private static final String EXCERPT = "/alibaba-2018/machine_usage_excerpt.csv";
    private static final String SYNTHETIC = "/alibaba-2018/machine_usage_synthetic.csv";

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = AlibabaMachineUsageReaderTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .collect(Collectors.toList());
        }
    }

    private static MachineUsage read(AlibabaMachineUsageReader reader, List<String> lines, String name)
            throws IOException {
        return reader.read(new StringReader(String.join("\n", lines) + "\n"), name);
    }

    private static MachineUsage excerpt() throws IOException {
        return read(AlibabaMachineUsageReader.defaults(), lines(EXCERPT), "machine_usage_excerpt.csv");
    }

    /** @return the interval of a machine that starts at {@code fromSeconds} */
    private static int interval(MachineSeries m, long fromSeconds) {
        long[] from = m.fromSeconds();
        for (int i = 0; i < from.length; i++) {
            if (from[i] == fromSeconds) {
                return i;
            }
        }
        throw new AssertionError("no interval from " + fromSeconds + " s in " + m);
    }

    @Test
    void theExcerptGivesThreeTimeSortedMachinesWithoutRejections() throws IOException {
        MachineUsage u = excerpt();
        assertEquals(450, u.rows());
        assertEquals(List.of("m_1932", "m_1933", "m_1947"),
                u.machines().stream().map(MachineSeries::machine).collect(Collectors.toList()));
        for (MachineSeries m : u.machines()) {
            assertEquals(150, m.sampleCount(), m.machine());
            assertEquals(149, m.intervalCount(), m.machine());
            assertEquals(0, m.resets(), "the real data never goes back: " + m.machine());
            long[] t = m.timeSeconds();
            for (int i = 1; i < t.length; i++) {
                assertTrue(t[i] > t[i - 1], m.machine() + " sorted at " + i);
            }
            for (double r : m.inPerSecond()) {
                assertTrue(r >= 0);
            }
        }
        assertEquals(0, u.rejectedRows(), u.summary());
        assertEquals(3L, u.trackerOutcomes().get(SampleOutcome.BASELINE));
        assertEquals(447L, u.trackerOutcomes().get(SampleOutcome.ACCEPTED));
    }

    @Test
    void ratesAreDifferencesOverIrregularIntervals() throws IOException {
        MachineUsage u = excerpt();
        MachineSeries a = u.machine("m_1932");
        // Lines 1 and 2: 386640 s → 386670 s, counters 43.04/33.08 both times.
        assertEquals(386_640, a.timeSeconds()[0]);
        assertEquals(43.04, a.netIn()[0], 1e-12);
        assertEquals(33.08, a.netOut()[0], 1e-12);
        int i = interval(a, 386_640);
        assertEquals(386_670, a.toSeconds()[i]);
        assertEquals(0.0, a.inPerSecond()[i]);
        // Lines 2 and 3: 20 s, net_in 43.04 → 43.05.
        i = interval(a, 386_670);
        assertEquals(0.01 / 20, a.inPerSecond()[i], 1e-12);
        assertEquals(0.0, a.outPerSecond()[i]);
        // Lines 4 and 5: 130 s, net_out 33.08 → 33.09.
        i = interval(a, 386_800);
        assertEquals(386_930, a.toSeconds()[i]);
        assertEquals(0.0, a.inPerSecond()[i]);
        assertEquals(0.01 / 130, a.outPerSecond()[i], 1e-12);
        assertEquals(0, a.flags()[i]);
        // Lines 10 and 11: 330 s without a sample: a gap (beyond 300 s), still the average over the interval.
        i = interval(a, 387_200);
        assertEquals(387_530, a.toSeconds()[i]);
        assertEquals(0.01 / 330, a.inPerSecond()[i], 1e-12);
        assertEquals(RateSink.GAP, a.flags()[i]);

        MachineSeries b = u.machine("m_1933");
        // Lines 225 and 226 (4604 and 4605 of the full file): 19,600 s, net_in 23.03 → 23.07, net_out 18.45 → 18.5.
        i = interval(b, 141_050);
        assertEquals(160_650, b.toSeconds()[i]);
        assertEquals(0.04 / 19_600, b.inPerSecond()[i], 1e-12);
        assertEquals(0.05 / 19_600, b.outPerSecond()[i], 1e-12);
        assertEquals(RateSink.GAP, b.flags()[i]);

        MachineSeries c = u.machine("m_1947");
        // Lines 301 and 302: the machine's first samples at 10 s and 650 s, both counters up by 0.01.
        assertEquals(10, c.timeSeconds()[0]);
        i = interval(c, 10);
        assertEquals(0.01 / 640, c.inPerSecond()[i], 1e-12);
        assertEquals(0.01 / 640, c.outPerSecond()[i], 1e-12);
        // Over all intervals, the rates integrate back to the counters' total increase.
        double integral = 0;
        double[] rate = c.inPerSecond();
        for (int k = 0; k < rate.length; k++) {
            integral += rate[k] * (c.toSeconds()[k] - c.fromSeconds()[k]);
        }
        assertEquals(40.40 - 40.13, integral, 1e-9);
    }

    @Test
    void rowOrderDoesNotMatter() throws IOException {
        List<String> shuffled = new ArrayList<>(lines(EXCERPT));
        Collections.shuffle(shuffled, new Random(7));
        MachineUsage a = excerpt();
        MachineUsage b = read(AlibabaMachineUsageReader.defaults(), shuffled, "shuffled.csv");
        for (MachineSeries m : a.machines()) {
            MachineSeries n = b.machine(m.machine());
            assertArrayEquals(m.timeSeconds(), n.timeSeconds());
            assertArrayEquals(m.inPerSecond(), n.inPerSecond());
            assertArrayEquals(m.outPerSecond(), n.outPerSecond());
        }
    }

    @Test
    void resamplingAveragesOverTimeAndLeavesLongGapsEmpty() throws IOException {
        MachineSeries b = excerpt().machine("m_1933");
        ResampledSeries all = b.resample(60_000, Long.MAX_VALUE);
        ResampledSeries cut = b.resample(60_000, 600_000);
        long step = 141_060 / 60; // the minute [141060, 141120) s lies inside the 19,600 s interval
        double[] in = all.inPerSecond();
        assertEquals(0.04 / 19_600, in[(int) (step - all.firstStep())], 1e-9);
        assertTrue(Double.isNaN(cut.inPerSecond()[(int) (step - cut.firstStep())]), "left out: longer than 10 min");
        assertTrue(cut.observedSteps() < all.observedSteps());
        // Volume is conserved by the time-weighted average (the full series has no hole).
        double volume = 0;
        for (int k = 0; k < in.length; k++) {
            volume += in[k] * 60;
        }
        assertEquals(23.08 - 23.02, volume, 1e-6);
        // And the resampled series feeds training windows.
        FeatureSpec spec = FeatureSpec.of(List.of(Feature.RATE_IN_BPS, Feature.RATE_OUT_BPS), 10, 60_000);
        SlidingWindows sw = cut.toSeriesFeatures(spec, 0).sliding(5, 3, List.of(Feature.RATE_IN_BPS),
                MissingPolicy.KEEP_NAN, true);
        assertTrue(sw.size() > 10, "windows: " + sw.size());
        assertTrue(sw.inputs().isComplete());
    }

    @Test
    void badRowsAreRejectedWithAReasonAndCountedAndNeverBecomeRates() throws IOException {
        MachineUsage u = read(AlibabaMachineUsageReader.defaults(), lines(SYNTHETIC), "synthetic.csv");
        assertEquals(15, u.rows());
        MachineSeries a = u.machine("m_a");
        // Kept, sorted: 0, 10, 30, 90, then the counters go back at 100 (a reset), 130, 190.
        assertArrayEquals(new long[] {0, 10, 30, 90, 100, 130, 190}, a.timeSeconds());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1}, a.epochs());
        assertEquals(1, a.resets());
        assertArrayEquals(new long[] {0, 10, 30, 100, 130}, a.fromSeconds(), "no interval spans the reset");
        assertArrayEquals(new long[] {10, 30, 90, 130, 190}, a.toSeconds());
        assertArrayEquals(new double[] {0.01, 0.01, 0.01, 0.02, 0.015}, a.inPerSecond(), 1e-12);
        assertArrayEquals(new double[] {0.005, 0, 0.01, 0.01, 0.01}, a.outPerSecond(), 1e-12);
        MachineSeries b = u.machine("m_b");
        assertArrayEquals(new long[] {5, 35, 65}, b.timeSeconds());
        assertArrayEquals(new double[] {0.01, 0.01}, b.inPerSecond(), 1e-12);
        assertArrayEquals(new double[] {0.005, 0.005}, b.outPerSecond(), 1e-12);

        assertEquals(5, u.rejectedRows(), u.summary());
        assertEquals(1L, u.rejectionCounts().get(Rejection.Reason.EMPTY_FIELD));
        assertEquals(1L, u.rejectionCounts().get(Rejection.Reason.NOT_A_NUMBER));
        assertEquals(1L, u.rejectionCounts().get(Rejection.Reason.NEGATIVE_COUNTER));
        assertEquals(1L, u.rejectionCounts().get(Rejection.Reason.DUPLICATE));
        assertEquals(1L, u.rejectionCounts().get(Rejection.Reason.OUT_OF_ORDER));
        assertEquals(1L, u.trackerOutcomes().get(SampleOutcome.RESET));
        assertEquals(1L, u.trackerOutcomes().get(SampleOutcome.NEGATIVE_COUNTER), "the tracker rejected it");
        List<String> messages = u.rejections().stream().map(Rejection::message).collect(Collectors.toList());
        assertTrue(messages.contains("synthetic.csv:12: m_a net_in: EMPTY_FIELD (empty)"), messages.toString());
        assertTrue(messages.contains("synthetic.csv:14: m_a net_in: NOT_A_NUMBER (NaN)"), messages.toString());
        assertTrue(messages.contains("synthetic.csv:15: m_a net_out: NEGATIVE_COUNTER (-1.0)"), messages.toString());
        assertTrue(messages.contains("synthetic.csv:11: m_a: DUPLICATE (time_stamp 130 already kept from line 4 "
                + "with the same counters)"), messages.toString());
        assertTrue(messages.contains("synthetic.csv:13: m_a: OUT_OF_ORDER (time_stamp 130 already kept from line 4 "
                + "with different counters)"), messages.toString());
        assertTrue(Arrays.stream(a.toSeconds()).noneMatch(t -> t == 160 || t == 170 || t == 180),
                "no rejected row ends an interval");
    }

    @Test
    void machinesNotAskedForAreRejectedAsUnknown() throws IOException {
        AlibabaMachineUsageReader onlyA = AlibabaMachineUsageReader.builder().machines(Set.of("m_a")).build();
        MachineUsage u = read(onlyA, lines(SYNTHETIC), "synthetic.csv");
        assertNull(u.machine("m_b"));
        assertEquals(3L, u.rejectionCounts().get(Rejection.Reason.UNKNOWN_MACHINE));
        assertEquals(3L, u.trackerOutcomes().get(SampleOutcome.UNKNOWN_PORT));
        Rejection first = u.rejections().stream().filter(r -> r.reason() == Rejection.Reason.UNKNOWN_MACHINE)
                .findFirst().orElseThrow();
        assertEquals(3, first.line());
        assertEquals("m_b", first.machine());
    }

    @Test
    void aBrokenStructureStopsReadingWithFileLineAndField() {
        AlibabaMachineUsageReader r = AlibabaMachineUsageReader.defaults();
        TraceFormatException columns = assertThrows(TraceFormatException.class, () -> r.read(new StringReader(
                "m_1,0,1,1,,,1.0,1.0,1\nm_1,10,1,1,,,1.0,1.0\n"), "bad.csv"));
        assertEquals(2, columns.line());
        assertNull(columns.field());
        assertTrue(columns.getMessage().startsWith("bad.csv line 2: expected 9 comma-separated fields"),
                columns.getMessage());
        TraceFormatException time = assertThrows(TraceFormatException.class, () -> r.read(new StringReader(
                "m_1,0,1,1,,,1.0,1.0,1\n\nm_1,ten,1,1,,,1.0,1.0,1\n"), "bad.csv"));
        assertEquals(3, time.line(), "blank lines count as lines");
        assertEquals("time_stamp", time.field());
        assertTrue(time.getMessage().contains("bad.csv line 3, field time_stamp: not an integer number of seconds"),
                time.getMessage());
        TraceFormatException id = assertThrows(TraceFormatException.class, () -> r.read(new StringReader(
                ",0,1,1,,,1.0,1.0,1\n"), "bad.csv"));
        assertEquals("machine_id", id.field());
    }

    /** The full shared sample, when the project sits next to the shared data folder; skipped otherwise. */
    @Test
    void theFullSharedSample() throws IOException {
        String dir = System.getProperty("ebbflow.shared.data");
        Path file = dir == null ? null : Paths.get(dir, "alibaba-2018", "machine_usage.csv");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "shared data not found (ebbflow.shared.data=" + dir + "): skipped");
        MachineUsage u = AlibabaMachineUsageReader.defaults().read(file);
        String report = u.summary() + " tracker " + u.trackerOutcomes();
        assertEquals(14, u.machines().size(), report);
        long samples = 0;
        for (MachineSeries m : u.machines()) {
            samples += m.sampleCount();
            double[] in = m.inPerSecond();
            double[] out = m.outPerSecond();
            long[] from = m.fromSeconds();
            long[] to = m.toSeconds();
            for (int i = 0; i < in.length; i++) {
                assertTrue(in[i] >= 0 && out[i] >= 0, m.machine() + " interval " + i + ": " + report);
                assertTrue(to[i] > from[i]);
            }
        }
        assertEquals(u.rows(), samples + u.rejectedRows(), "every row is kept or rejected: " + report);
        assertTrue(u.rejectedRows() < u.rows() / 100, "rejected: " + report);
    }
}
