package org.ebbflow.flowstats.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ebbflow.topology.DatapathId;
import org.junit.jupiter.api.Test;

class FlowRateTrackerTest {
    private static final DatapathId SW = DatapathId.of(0x30001);
    private static final long SECOND = 1_000_000_000L;
    private static final FlowEntry TO_H2 = FlowEntry.builder(SW).priority(200)
            .cookie(EbbflowCookie.path(5, 0).value())
            .match(FlowMatch.parse("eth_type=0x0800,ipv4_dst=10.0.1.2")).actions("output:2").build();
    private static final FlowEntry TO_H3 = FlowEntry.builder(SW).priority(200).cookie(0x1234)
            .match(FlowMatch.parse("eth_type=0x0800,ipv4_dst=10.0.1.3")).actions("output:3").build();

    private final FlowRateTracker tracker = new FlowRateTracker();

    private static FlowTableSnapshot table(long receivedMillis, FlowEntry... entries) {
        return FlowTableSnapshot.of(SW, receivedMillis, List.of(entries));
    }

    private static FlowEntry reading(FlowEntry flow, long packets, long bytes, long durationNanos) {
        return flow.withCounters(packets, bytes, durationNanos);
    }

    @Test
    void firstSightIsABaselineThenRatesFollow() {
        FlowRates first = tracker.ingest(table(100_000, reading(TO_H2, 10, 1_000, 10 * SECOND)));
        assertEquals(SnapshotOutcome.ACCEPTED, first.outcome());
        assertTrue(first.rates().isEmpty());
        assertEquals(1, first.count(FlowOutcome.BASELINE));

        FlowRates next = tracker.ingest(table(105_000, reading(TO_H2, 510, 1_000 + 625_000, 15 * SECOND)));
        assertEquals(1, next.rates().size());
        FlowRate r = next.rates().get(0);
        assertEquals(1_000_000, r.rateBps(), 1e-9, "625,000 bytes in 5 s");
        assertEquals(100, r.packetsPerSecond(), 1e-9);
        assertEquals(5_000, r.intervalMillis(), 1e-9);
        assertEquals(100_000, r.fromMillis());
        assertEquals(105_000, r.toMillis());
        assertEquals(TO_H2.key(), r.key());
        assertTrue(r.isEbbflow());
        assertFalse(r.wrapped());
        assertEquals(1, tracker.count(FlowOutcome.RATE));
    }

    @Test
    void theFlowsOwnDurationBeatsTheReceiveTimes() {
        tracker.ingest(table(100_000, reading(TO_H2, 0, 0, 10 * SECOND)));
        // Received 5.8 s later (a slow reply), but the switch says 5 s passed; within the re-install slack.
        FlowRate r = tracker.ingest(table(105_800, reading(TO_H2, 0, 625_000, 15 * SECOND))).rates().get(0);
        assertEquals(1_000_000, r.rateBps(), 1e-9);
        assertEquals(5_000, r.intervalMillis(), 1e-9);
    }

    @Test
    void withoutDurationsTheReceiveTimesAreUsed() {
        tracker.ingest(table(100_000, reading(TO_H2, 0, 0, FlowEntry.NO_DURATION)));
        FlowRate r = tracker.ingest(table(110_000, reading(TO_H2, 0, 625_000, FlowEntry.NO_DURATION))).rates().get(0);
        assertEquals(500_000, r.rateBps(), 1e-9);
        assertEquals(10_000, r.intervalMillis(), 1e-9);
    }

    @Test
    void aReinstalledFlowStartsANewEpochWithoutASpike() {
        tracker.ingest(table(100_000, reading(TO_H2, 9_000_000, 9_000_000_000L, 900 * SECOND)));
        FlowRates reinstalled = tracker.ingest(table(105_000, reading(TO_H2, 100, 50_000, 2 * SECOND)));
        assertTrue(reinstalled.rates().isEmpty(), "no rate, and certainly no 2^64-sized one");
        assertEquals(1, reinstalled.count(FlowOutcome.NEW_EPOCH));
        FlowRate r = tracker.ingest(table(110_000, reading(TO_H2, 200, 50_000 + 625_000, 7 * SECOND)))
                .rates().get(0);
        assertEquals(1_000_000, r.rateBps(), 1e-9);
        assertEquals(105_000, r.fromMillis(), "the new epoch starts at the re-install reading");
    }

    @Test
    void aFlowYoungerThanTheTimeSinceTheLastReadingWasReinstalledEvenIfCountersGrew() {
        tracker.ingest(table(100_000, reading(TO_H2, 10, 1_000, 5 * SECOND)));
        // 10 s later the flow is only 8 s old: removed and re-added in between, and busier than before.
        FlowRates r = tracker.ingest(table(110_000, reading(TO_H2, 5_000, 5_000_000, 8 * SECOND)));
        assertTrue(r.rates().isEmpty());
        assertEquals(1, r.count(FlowOutcome.NEW_EPOCH));
    }

    @Test
    void countersGoingBackWithoutDurationsIsANewEpochUnlessItIsAWrap() {
        tracker.ingest(table(100_000, reading(TO_H2, 5_000, 5_000_000, FlowEntry.NO_DURATION)));
        FlowRates back = tracker.ingest(table(105_000, reading(TO_H2, 10, 1_000, FlowEntry.NO_DURATION)));
        assertTrue(back.rates().isEmpty());
        assertEquals(1, back.count(FlowOutcome.NEW_EPOCH));
    }

    @Test
    void a64BitWrapIsAPlausibleIncrement() {
        tracker.ingest(table(1_000, reading(TO_H2, -3, -100, 10 * SECOND))); // 2^64 - 100 bytes, unsigned
        FlowRates r = tracker.ingest(table(2_000, reading(TO_H2, 7, 900, 11 * SECOND)));
        assertEquals(1, r.rates().size());
        assertEquals(8_000, r.rates().get(0).rateBps(), 1e-9, "100 + 900 bytes in 1 s");
        assertEquals(10, r.rates().get(0).packetsPerSecond(), 1e-9);
        assertTrue(r.rates().get(0).wrapped());
    }

    @Test
    void countersJustBelowTwoToThe64AreLegalAndProduceOrdinaryRates() {
        tracker.ingest(table(1_000, reading(TO_H2, -1_000, -2_000_000, 10 * SECOND)));
        FlowRate r = tracker.ingest(table(2_000, reading(TO_H2, -900, -1_000_000, 11 * SECOND))).rates().get(0);
        assertEquals(8_000_000, r.rateBps(), 1e-9);
        assertFalse(r.wrapped());
    }

    @Test
    void anImplausibleRateIsRejectedAndStartsANewEpoch() {
        FlowRateTracker capped = new FlowRateTracker(FlowRateTracker.Options.defaults().withMaxPlausibleBps(1e9));
        capped.ingest(table(1_000, reading(TO_H2, 0, 0, 10 * SECOND)));
        FlowRates r = capped.ingest(table(2_000, reading(TO_H2, 1, 1_000_000_000L, 11 * SECOND)));
        assertTrue(r.rates().isEmpty());
        assertEquals(1, r.count(FlowOutcome.IMPLAUSIBLE));
        FlowRate next = capped.ingest(table(3_000, reading(TO_H2, 2, 1_000_125_000L, 12 * SECOND))).rates().get(0);
        assertEquals(1_000_000, next.rateBps(), 1e-9, "measured from the rejected reading, no spike");
    }

    @Test
    void flowsMissingFromASnapshotAreForgottenAndComeBackAsBaselines() {
        tracker.ingest(table(1_000, reading(TO_H2, 0, 0, 10 * SECOND), reading(TO_H3, 0, 0, 10 * SECOND)));
        assertEquals(2, tracker.trackedFlowCount());
        FlowRates without = tracker.ingest(table(2_000, reading(TO_H2, 1, 125, 11 * SECOND)));
        assertEquals(List.of(TO_H3.key()), without.removed());
        assertEquals(1, without.count(FlowOutcome.REMOVED));
        assertEquals(1, tracker.trackedFlowCount());
        // Back with counters above the old ones: still a baseline, not a rate over a gap it was absent for.
        FlowRates back = tracker.ingest(table(3_000, reading(TO_H2, 2, 250, 12 * SECOND),
                reading(TO_H3, 900, 900_000, 12 * SECOND)));
        assertEquals(1, back.rates().size());
        assertEquals(TO_H2.key(), back.rates().get(0).key());
        assertEquals(1, back.count(FlowOutcome.BASELINE));
        assertEquals(2, tracker.trackedFlowCount());
    }

    @Test
    void duplicateAndOutOfOrderSnapshotsAreDroppedAndCounted() {
        FlowTableSnapshot a = table(1_000, reading(TO_H2, 0, 0, 10 * SECOND));
        FlowTableSnapshot b = table(2_000, reading(TO_H2, 1, 125, 11 * SECOND));
        tracker.ingest(a);
        tracker.ingest(b);
        assertEquals(SnapshotOutcome.DUPLICATE, tracker.ingest(b).outcome(), "delivered twice");
        assertEquals(SnapshotOutcome.DUPLICATE,
                tracker.ingest(table(2_500, reading(TO_H2, 1, 125, 11 * SECOND))).outcome(),
                "same readings, durations stood still: a stale copy with a new receive time");
        assertEquals(SnapshotOutcome.OUT_OF_ORDER, tracker.ingest(a).outcome(), "late");
        tracker.ingest(table(2_600, reading(TO_H2, 1, 125, 11 * SECOND), reading(TO_H3, 0, 0, 11 * SECOND)));
        assertEquals(SnapshotOutcome.DUPLICATE,
                tracker.ingest(table(2_600, reading(TO_H3, 0, 0, 11 * SECOND), reading(TO_H2, 1, 125, 11 * SECOND)))
                        .outcome(), "the same table in another order");
        assertEquals(SnapshotOutcome.OUT_OF_ORDER,
                tracker.ingest(table(2_600, reading(TO_H2, 2, 250, 11 * SECOND))).outcome(),
                "same receive time, other content");
        assertEquals(3, tracker.count(SnapshotOutcome.DUPLICATE));
        assertEquals(2, tracker.count(SnapshotOutcome.OUT_OF_ORDER));
        assertEquals(3, tracker.count(SnapshotOutcome.ACCEPTED));
        FlowRate r = tracker.ingest(table(3_600, reading(TO_H2, 3, 250, 12 * SECOND))).rates().get(0);
        assertEquals(1_000, r.rateBps(), 1e-9, "measured from the last kept snapshot");
        assertEquals(2_600, r.fromMillis());
    }

    @Test
    void emptyTablesAreNotDuplicatesAndNewFlowsAreBaselines() {
        assertEquals(SnapshotOutcome.ACCEPTED, tracker.ingest(table(1_000)).outcome());
        assertEquals(SnapshotOutcome.ACCEPTED, tracker.ingest(table(2_000)).outcome());
        FlowRates r = tracker.ingest(table(3_000, reading(TO_H2, 0, 0, SECOND)));
        assertEquals(1, r.count(FlowOutcome.BASELINE));
    }

    @Test
    void switchesAreTrackedIndependentlyAndCanBeForgotten() {
        DatapathId other = DatapathId.of(0x30002);
        FlowEntry there = FlowEntry.builder(other).match(TO_H2.match()).build();
        tracker.ingest(table(1_000, reading(TO_H2, 0, 0, SECOND)));
        tracker.ingest(FlowTableSnapshot.of(other, 500, List.of(there.withCounters(0, 0, SECOND))));
        FlowRates r = tracker.ingest(
                FlowTableSnapshot.of(other, 1_500, List.of(there.withCounters(1, 125, 2 * SECOND))));
        assertEquals(1_000, r.rates().get(0).rateBps(), 1e-9, "its own clock, not the other switch's");
        tracker.forget(SW);
        assertEquals(1, tracker.ingest(table(2_000, reading(TO_H2, 1, 125, 2 * SECOND))).count(FlowOutcome.BASELINE));
    }

    @Test
    void ratesCanBeFilteredByOwner() {
        tracker.ingest(table(1_000, reading(TO_H2, 0, 0, SECOND), reading(TO_H3, 0, 0, SECOND)));
        FlowRates r = tracker.ingest(table(2_000, reading(TO_H2, 1, 125, 2 * SECOND),
                reading(TO_H3, 1, 250, 2 * SECOND)));
        assertEquals(3_000, r.totalBps(), 1e-9);
        assertEquals(1_000, r.totalBps(OwnerFilter.EBBFLOW), 1e-9);
        assertEquals(2_000, r.totalBps(OwnerFilter.FOREIGN), 1e-9);
        assertEquals(List.of(TO_H3.key()), List.of(r.rates(OwnerFilter.FOREIGN).get(0).key()));
    }

    @Test
    void snapshotsRejectForeignEntriesAndRepeatedKeys() {
        FlowEntry elsewhere = FlowEntry.builder(DatapathId.of(9)).build();
        assertThrows(IllegalArgumentException.class, () -> table(1, elsewhere));
        FlowEntry sameKeyOtherCookie = TO_H2.toBuilder().cookie(77).build();
        assertThrows(IllegalArgumentException.class, () -> table(1, TO_H2, sameKeyOtherCookie));
        assertThrows(IllegalArgumentException.class, () -> FlowEntry.builder(SW).tableId(255).build());
        assertThrows(IllegalArgumentException.class, () -> FlowEntry.builder(SW).priority(65_536).build());
        assertThrows(IllegalArgumentException.class, () -> FlowEntry.builder(SW).addAction(" "));
        assertThrows(UnsupportedOperationException.class, () -> TO_H2.actions().add("drop"));
    }
}
