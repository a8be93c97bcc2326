package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.topology.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each switch's successive {@link FlowTableSnapshot}s into per-flow rates, with the counter semantics of
 * {@link org.ebbflow.flowstats.CounterTracker} applied to flow entries. A flow is identified by its {@link FlowKey}
 * (switch, table, priority, match), as OpenFlow identifies it.
 *
 * <ul>
 *   <li>First sight of a flow is its baseline; a rate needs two readings of it in consecutive kept snapshots.</li>
 *   <li>Re-installation starts a new epoch with no rate, so it never becomes a spike: the flow's duration went back,
 *       or advanced less than the time between the snapshots (minus a slack for receive-time jitter), or a counter
 *       went back without a plausible 64-bit wrap.</li>
 *   <li>64-bit wrap: a counter going back counts as a wrap when the distance modulo 2^64 is a plausible increment
 *       (at most {@link Options#maxPlausibleBps()} over the interval).</li>
 *   <li>A rate above the plausible maximum is rejected and starts a new epoch.</li>
 *   <li>A flow missing from a kept snapshot is forgotten; if it comes back, that is a new baseline.</li>
 *   <li>A snapshot not received after the switch's last kept one is dropped; one delivered twice (same receive time
 *       and entries, or the same non-empty readings with durations that did not move) is dropped as a duplicate.</li>
 * </ul>
 * The interval of a rate is the difference of the flow's own durations when both readings have one, else of the
 * snapshots' receive times. Every outcome is counted.
 *
 * <p>Not thread-safe: one thread feeds a tracker.
 */
public final class FlowRateTracker {
    private static final Logger log = LoggerFactory.getLogger(FlowRateTracker.class);
    private static final double TWO_POW_64 = 18446744073709551616.0;
    private static final double NANOS_PER_MILLI = 1e6;

    private final Options options;
    private final Map<DatapathId, SwitchState> switches = new HashMap<>();
    private final long[] flowOutcomes = new long[FlowOutcome.values().length];
    private final long[] snapshotOutcomes = new long[SnapshotOutcome.values().length];

    /** The latest kept snapshot of a switch, its entries by key. */
    private static final class SwitchState {
        final FlowTableSnapshot snapshot;
        final Map<FlowKey, FlowEntry> byKey;

        SwitchState(FlowTableSnapshot snapshot, Map<FlowKey, FlowEntry> byKey) {
            this.snapshot = snapshot;
            this.byKey = byKey;
        }
    }

    /** @param options the tunables; {@link Options#defaults()} suits OpenFlow switches */
    public FlowRateTracker(Options options) {
        this.options = options;
    }

    /** A tracker with {@link Options#defaults()}. */
    public FlowRateTracker() {
        this(Options.defaults());
    }

    /**
     * Ingests one switch's flow table.
     *
     * @return the rates of the flows also seen in the switch's previous kept snapshot, what became of each entry and
     *     which flows were removed; no rates if the snapshot was dropped or is the switch's first
     */
    public FlowRates ingest(FlowTableSnapshot snapshot) {
        SwitchState state = switches.get(snapshot.dpid());
        if (state != null) {
            SnapshotOutcome drop = dropReason(state, snapshot);
            if (drop != null) {
                snapshotOutcomes[drop.ordinal()]++;
                log.debug("flow table of {} at {} dropped: {}", snapshot.dpid(), snapshot.receivedMillis(), drop);
                return FlowRates.dropped(snapshot, drop);
            }
        }
        Map<FlowKey, FlowEntry> previous = state == null ? Collections.emptyMap() : state.byKey;
        long previousMillis = state == null ? 0 : state.snapshot.receivedMillis();
        Map<FlowKey, FlowEntry> current = new LinkedHashMap<>();
        Map<FlowOutcome, Integer> counts = new EnumMap<>(FlowOutcome.class);
        List<FlowRate> rates = new ArrayList<>();
        for (FlowEntry e : snapshot.entries()) {
            FlowKey key = e.key();
            current.put(key, e);
            FlowEntry p = previous.get(key);
            FlowOutcome outcome = p == null
                    ? FlowOutcome.BASELINE
                    : compare(p, previousMillis, e, snapshot.receivedMillis(), rates);
            tally(counts, outcome);
        }
        List<FlowKey> removed = new ArrayList<>();
        for (FlowKey k : previous.keySet()) {
            if (!current.containsKey(k)) {
                removed.add(k);
                tally(counts, FlowOutcome.REMOVED);
            }
        }
        switches.put(snapshot.dpid(), new SwitchState(snapshot, current));
        snapshotOutcomes[SnapshotOutcome.ACCEPTED.ordinal()]++;
        return new FlowRates(snapshot.dpid(), snapshot.receivedMillis(), SnapshotOutcome.ACCEPTED, rates, removed,
                counts);
    }

    private static SnapshotOutcome dropReason(SwitchState last, FlowTableSnapshot s) {
        if (s.receivedMillis() < last.snapshot.receivedMillis()) {
            return SnapshotOutcome.OUT_OF_ORDER;
        }
        boolean sameEntries = s.size() == last.byKey.size()
                && s.entries().stream().allMatch(e -> e.equals(last.byKey.get(e.key())));
        if (s.receivedMillis() == last.snapshot.receivedMillis()) {
            return sameEntries ? SnapshotOutcome.DUPLICATE : SnapshotOutcome.OUT_OF_ORDER;
        }
        if (sameEntries && !s.entries().isEmpty()
                && s.entries().stream().allMatch(e -> e.durationNanos() != FlowEntry.NO_DURATION)) {
            return SnapshotOutcome.DUPLICATE; // a switch's flow durations cannot stand still while time passes
        }
        return null;
    }

    private FlowOutcome compare(FlowEntry p, long pMillis, FlowEntry e, long eMillis, List<FlowRate> out) {
        long elapsedMillis = eMillis - pMillis;
        boolean haveDurations = p.durationNanos() >= 0 && e.durationNanos() >= 0;
        long durationDelta = e.durationNanos() - p.durationNanos();
        if (haveDurations && (durationDelta < 0
                || durationDelta < (elapsedMillis - options.reinstallSlackMillis) * NANOS_PER_MILLI)) {
            return newEpoch(e.key(), "duration " + p.durationNanos() + " -> " + e.durationNanos() + " ns in "
                    + elapsedMillis + " ms");
        }
        double intervalMillis = haveDurations && durationDelta > 0 ? durationDelta / NANOS_PER_MILLI : elapsedMillis;
        long maxBytes = (long) Math.min(Long.MAX_VALUE,
                Math.ceil(options.maxPlausibleBps / 8 * intervalMillis / 1000));
        boolean bytesBack = Long.compareUnsigned(e.byteCount(), p.byteCount()) < 0;
        boolean packetsBack = Long.compareUnsigned(e.packetCount(), p.packetCount()) < 0;
        boolean wrapped = false;
        if (bytesBack || packetsBack) {
            wrapped = (!bytesBack || isPlausible(e.byteCount() - p.byteCount(), maxBytes))
                    && (!packetsBack || isPlausible(e.packetCount() - p.packetCount(), maxBytes));
            if (!wrapped) {
                return newEpoch(e.key(), "counters went back");
            }
        }
        double rateBps = unsigned(e.byteCount() - p.byteCount()) * 8_000.0 / intervalMillis;
        double pps = unsigned(e.packetCount() - p.packetCount()) * 1_000.0 / intervalMillis;
        if (rateBps > options.maxPlausibleBps) {
            log.debug("flow {}: implausible rate {} bps, new epoch", e.key(), rateBps);
            return FlowOutcome.IMPLAUSIBLE;
        }
        out.add(FlowRate.builder(e).rates(rateBps, pps).interval(pMillis, eMillis, intervalMillis).wrapped(wrapped)
                .build());
        return FlowOutcome.RATE;
    }

    private static FlowOutcome newEpoch(FlowKey key, String why) {
        log.debug("flow {} re-installed ({}): new epoch", key, why);
        return FlowOutcome.NEW_EPOCH;
    }

    private static boolean isPlausible(long unsignedIncrement, long maxIncrement) {
        return Long.compareUnsigned(unsignedIncrement, maxIncrement) <= 0;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : v + TWO_POW_64;
    }

    private void tally(Map<FlowOutcome, Integer> counts, FlowOutcome o) {
        counts.merge(o, 1, Integer::sum);
        flowOutcomes[o.ordinal()]++;
    }

    /** Forgets a switch (removed from the topology): its next snapshot is a baseline for every flow. */
    public void forget(DatapathId dpid) {
        switches.remove(dpid);
    }

    /** @return how many flows have a reading, over all switches */
    public int trackedFlowCount() {
        int n = 0;
        for (SwitchState s : switches.values()) {
            n += s.byKey.size();
        }
        return n;
    }

    /** @return how many flow entries had this outcome since the tracker was made */
    public long count(FlowOutcome outcome) {
        return flowOutcomes[outcome.ordinal()];
    }

    /** @return how many snapshots had this outcome since the tracker was made */
    public long count(SnapshotOutcome outcome) {
        return snapshotOutcomes[outcome.ordinal()];
    }

    /** Tunables of a {@link FlowRateTracker}; immutable. */
    public static final class Options {
        private final double maxPlausibleBps;
        private final long reinstallSlackMillis;

        private Options(double maxPlausibleBps, long reinstallSlackMillis) {
            if (!(maxPlausibleBps > 0) || reinstallSlackMillis < 0) {
                throw new IllegalArgumentException("maximum rate must be positive and the slack not negative");
            }
            this.maxPlausibleBps = maxPlausibleBps;
            this.reinstallSlackMillis = reinstallSlackMillis;
        }

        /**
         * Defaults: no flow faster than 1 Tbit/s (above any single port, so only corrupt readings exceed it), and a
         * flow counts as re-installed when its duration advanced more than 1 s less than the receive times did.
         */
        public static Options defaults() {
            return new Options(1e12, 1_000);
        }

        /** @return these options with another plausible maximum per flow, in bits per second */
        public Options withMaxPlausibleBps(double bps) {
            return new Options(bps, reinstallSlackMillis);
        }

        /** @return these options with another re-install slack in milliseconds (receive-time jitter tolerated) */
        public Options withReinstallSlackMillis(long millis) {
            return new Options(maxPlausibleBps, millis);
        }

        /** @return the largest plausible flow rate in bits per second */
        public double maxPlausibleBps() {
            return maxPlausibleBps;
        }

        /** @return how much less than the receive times a flow's duration may advance, in milliseconds */
        public long reinstallSlackMillis() {
            return reinstallSlackMillis;
        }
    }
}
