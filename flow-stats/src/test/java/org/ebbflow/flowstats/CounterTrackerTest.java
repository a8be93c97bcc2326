package org.ebbflow.flowstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CounterTrackerTest {
    private static final long GBPS = 1_000_000_000L;
    private static final ConnectPoint PORT = ConnectPoint.of(DatapathId.of(7), 3);
    private final PortRegistry registry = new PortRegistry();
    private final RecordingSink sink = new RecordingSink();
    private CounterTracker tracker;

    @BeforeEach
    void setUp() {
        registry.register(PORT, GBPS);
        tracker = new CounterTracker(registry, sink, CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64));
    }

    private static PortCounterSample sample(long rx, long tx, long durationNanos, long receivedMillis) {
        return PortCounterSample.builder(PORT, receivedMillis).bytes(rx, tx).durationNanos(durationNanos).build();
    }

    @Test
    void firstSampleIsABaselineThenRatesFollow() {
        assertEquals(SampleOutcome.BASELINE, tracker.ingest(sample(1_000, 0, 10_000_000_000L, 100_000)));
        assertTrue(sink.rates.isEmpty());
        assertEquals(SampleOutcome.ACCEPTED, tracker.ingest(sample(1_000 + 625_000, 125_000, 15_000_000_000L, 105_000)));
        RecordingSink.Rate r = sink.last();
        assertEquals(1_000_000, r.rxBps, 1e-6, "625,000 bytes in 5 s");
        assertEquals(200_000, r.txBps, 1e-6);
        assertEquals(100_000, r.from);
        assertEquals(105_000, r.to);
        assertEquals(0, r.flags);
    }

    @Test
    void theSwitchDurationBeatsTheControllersClock() {
        tracker.ingest(sample(0, 0, 10_000_000_000L, 100_000));
        // Received 7 s later (a slow reply), but the switch says 5 s passed.
        tracker.ingest(sample(625_000, 0, 15_000_000_000L, 107_000));
        assertEquals(1_000_000, sink.last().rxBps, 1e-6);
    }

    @Test
    void withoutDurationTheControllersClockIsUsed() {
        tracker.ingest(sample(0, 0, PortCounterSample.NO_DURATION, 100_000));
        tracker.ingest(sample(625_000, 0, PortCounterSample.NO_DURATION, 110_000));
        assertEquals(500_000, sink.last().rxBps, 1e-6);
    }

    @Test
    void a64BitWrapIsAPlausibleIncrement() {
        tracker.ingest(sample(-100, 0, 1_000_000_000L, 1_000)); // 2^64 - 100, unsigned
        assertEquals(SampleOutcome.ACCEPTED, tracker.ingest(sample(900, 0, 2_000_000_000L, 2_000)));
        assertEquals(8_000, sink.last().rxBps, 1e-6, "100 + 900 bytes in 1 s");
        assertEquals(RateSink.WRAP, sink.last().flags & RateSink.WRAP);
    }

    @Test
    void aResetStartsANewEpochWithoutASpike() {
        tracker.ingest(sample(5_000_000_000L, 7_000_000_000L, 900_000_000_000L, 1_000));
        assertEquals(SampleOutcome.RESET, tracker.ingest(sample(10_000, 20_000, 2_000_000_000L, 6_000)));
        assertTrue(sink.rates.isEmpty(), "a reset makes no rate");
        assertEquals(SampleOutcome.ACCEPTED, tracker.ingest(sample(135_000, 20_000, 3_000_000_000L, 7_000)));
        assertEquals(1_000_000, sink.last().rxBps, 1e-6);
        assertEquals(6_000, sink.last().from);
    }

    @Test
    void aDurationGoingBackIsAResetEvenIfCountersGrew() {
        tracker.ingest(sample(1_000, 0, 50_000_000_000L, 1_000));
        assertEquals(SampleOutcome.RESET, tracker.ingest(sample(2_000, 0, 1_000_000_000L, 6_000)));
        assertTrue(sink.rates.isEmpty());
    }

    @Test
    void aDecreaseFarFromTheTopIsAResetNotAWrap() {
        tracker.ingest(sample(1L << 40, 0, PortCounterSample.NO_DURATION, 1_000));
        assertEquals(SampleOutcome.RESET, tracker.ingest(sample(5, 0, PortCounterSample.NO_DURATION, 6_000)));
        assertTrue(sink.rates.isEmpty());
    }

    @Test
    void duplicatesAndLateSamplesAreDroppedAndCounted() {
        tracker.ingest(sample(0, 0, 1_000_000_000L, 1_000));
        tracker.ingest(sample(1_000, 0, 6_000_000_000L, 6_000));
        assertEquals(SampleOutcome.DUPLICATE, tracker.ingest(sample(1_000, 0, 6_000_000_000L, 6_000)));
        assertEquals(SampleOutcome.DUPLICATE, tracker.ingest(sample(1_000, 0, 6_000_000_000L, 6_050)),
                "same reading delivered again later");
        assertEquals(SampleOutcome.OUT_OF_ORDER, tracker.ingest(sample(500, 0, 3_000_000_000L, 3_000)));
        assertEquals(SampleOutcome.OUT_OF_ORDER, tracker.ingest(sample(2_000, 0, 7_000_000_000L, 5_999)),
                "a timestamp going backwards");
        assertEquals(1, sink.rates.size());
        assertEquals(2, tracker.count(SampleOutcome.DUPLICATE));
        assertEquals(2, tracker.count(SampleOutcome.OUT_OF_ORDER));
        assertEquals(1, tracker.count(SampleOutcome.ACCEPTED));
        assertEquals(1, tracker.count(SampleOutcome.BASELINE));
    }

    @Test
    void anIdlePortWithoutDurationReadsZeroNotDuplicate() {
        tracker.ingest(sample(10, 10, PortCounterSample.NO_DURATION, 1_000));
        assertEquals(SampleOutcome.ACCEPTED, tracker.ingest(sample(10, 10, PortCounterSample.NO_DURATION, 6_000)));
        assertEquals(0, sink.last().rxBps);
    }

    @Test
    void negativeCountersFromSignedSourcesAreRejected() {
        CounterTracker signed = new CounterTracker(registry, sink,
                CounterTracker.Options.defaults(CounterSemantics.SIGNED));
        signed.ingest(sample(100, 0, PortCounterSample.NO_DURATION, 1_000));
        assertEquals(SampleOutcome.NEGATIVE_COUNTER, signed.ingest(sample(-5, 0, PortCounterSample.NO_DURATION, 2_000)));
        assertEquals(1, signed.count(SampleOutcome.NEGATIVE_COUNTER));
        assertTrue(sink.rates.isEmpty());
        // A signed source never wraps: a decrease is a reset.
        assertEquals(SampleOutcome.RESET, signed.ingest(sample(50, 0, PortCounterSample.NO_DURATION, 3_000)));
        assertThrows(IllegalArgumentException.class, () -> PortCounterSample.checkSigned(-1, "rxBytes"));
    }

    @Test
    void unknownPortsAreRejected() {
        PortCounterSample stranger = PortCounterSample.builder(ConnectPoint.of(DatapathId.of(99), 1), 1_000).build();
        assertEquals(SampleOutcome.UNKNOWN_PORT, tracker.ingest(stranger));
        assertEquals(SampleOutcome.UNKNOWN_PORT, tracker.ingest(5, 0, 0, 0, -1, 1_000));
        assertEquals(2, tracker.count(SampleOutcome.UNKNOWN_PORT));
    }

    @Test
    void aRateAboveCapacityIsRejectedAndNoSpikeFollows() {
        tracker.ingest(sample(0, 0, 1_000_000_000L, 1_000));
        // 10 GB in one second on a 1 Gbit/s port: corrupt.
        assertEquals(SampleOutcome.INCONSISTENT, tracker.ingest(sample(10_000_000_000L, 0, 2_000_000_000L, 2_000)));
        // Next true reading is far below the corrupt one: a reset, not a wrap, not a spike.
        assertEquals(SampleOutcome.RESET, tracker.ingest(sample(250_000, 0, 3_000_000_000L, 3_000)));
        assertEquals(SampleOutcome.ACCEPTED, tracker.ingest(sample(375_000, 0, 4_000_000_000L, 4_000)));
        assertEquals(1, sink.rates.size());
        assertEquals(1_000_000, sink.last().rxBps, 1e-6);
    }

    @Test
    void missedPollsAreAMarkedGapWithTheAverageRate() {
        tracker.ingest(sample(0, 0, 0, 0));
        tracker.ingest(sample(1_250_000, 0, 20_000_000_000L, 20_000)); // 3 polls missed
        assertEquals(RateSink.GAP, sink.last().flags & RateSink.GAP);
        assertEquals(500_000, sink.last().rxBps, 1e-6);
    }

    @Test
    void anAsleepPortReadsZeroWithFrozenCounters() {
        int p = registry.indexOf(PORT);
        tracker.ingest(sample(1_000, 1_000, 5_000_000_000L, 5_000));
        tracker.setActive(p, false);
        tracker.markIdle(p, 10_000);
        tracker.markIdle(p, 15_000);
        assertEquals(2, sink.rates.size());
        for (RecordingSink.Rate r : sink.rates) {
            assertEquals(0, r.rxBps);
            assertEquals(RateSink.INACTIVE, r.flags);
        }
        // Woken: counters unchanged, the switch's duration kept running.
        tracker.setActive(p, true);
        assertEquals(SampleOutcome.ACCEPTED, tracker.ingest(sample(126_000, 1_000, 21_000_000_000L, 21_000)));
        assertEquals(125_000 * 8 / 6.0, sink.last().rxBps, 1e-6, "125,000 bytes in the 6 s since the last idle mark");
        tracker.markIdle(p, 30_000);
        assertEquals(3, sink.rates.size(), "markIdle does nothing for an active port");
    }
}
