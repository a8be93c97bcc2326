package org.ebbflow.flowstats;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each port's cumulative counter samples into rates with real counter semantics, keeping per-port state in
 * primitive arrays indexed by {@link PortRegistry} number.
 *
 * <ul>
 *   <li>64-bit wrap (unsigned sources): a decrease from near 2^64 to a value that makes a plausible increment.</li>
 *   <li>Reset: counters or the switch's port duration go back. A new epoch starts from that sample; no rate is made,
 *       so a reboot never becomes a spike (Floodlight reads every decrease as a wrap and reports one).</li>
 *   <li>Gap: an interval longer than {@code gapFactor} polling intervals is flagged {@link RateSink#GAP}; its rate is
 *       the average over the interval, never a zero.</li>
 *   <li>Duplicates and samples not after the last kept one are dropped; negative counters from signed sources,
 *       unknown ports and rates above capacity are rejected. Every outcome is counted.</li>
 *   <li>A port marked inactive (down or asleep) reads zero rate while its counters stay frozen
 *       ({@link #markIdle}).</li>
 * </ul>
 * Intervals use the switch's port duration when both samples carry one, the controller's receive times otherwise.
 *
 * <p>Not thread-safe: one thread feeds a tracker (controllers queue samples to it).
 */
public final class CounterTracker {
    private static final Logger log = LoggerFactory.getLogger(CounterTracker.class);
    private static final double TWO_POW_64 = 18446744073709551616.0;
    /** Largest plausible increment when a port's capacity is unknown: 1 PB. */
    private static final long UNKNOWN_CAPACITY_MAX_BYTES = 1L << 50;

    private final PortRegistry registry;
    private final RateSink sink;
    private final Options options;
    private final long[] outcomes = new long[SampleOutcome.values().length];

    private long[] lastRx = new long[0];
    private long[] lastTx = new long[0];
    private long[] lastDropped = new long[0];
    private long[] lastDuration = new long[0];
    private long[] lastReceived = new long[0];
    private boolean[] hasBaseline = new boolean[0];
    private boolean[] inactive = new boolean[0];

    /**
     * @param registry numbers the ports; ports registered later are picked up automatically
     * @param sink receives every accepted rate
     */
    public CounterTracker(PortRegistry registry, RateSink sink, Options options) {
        this.registry = registry;
        this.sink = sink;
        this.options = options;
    }

    /** Looks the port up in the registry and ingests the sample. */
    public SampleOutcome ingest(PortCounterSample s) {
        int port = registry.indexOf(s.port());
        if (port < 0) {
            return tally(SampleOutcome.UNKNOWN_PORT, s.port(), "port not registered");
        }
        return ingest(port, s.rxBytes(), s.txBytes(), s.rxDropped() + s.txDropped(), s.durationNanos(),
                s.receivedMillis());
    }

    /**
     * Ingests one sample given as primitives (the allocation-free path the simulator and benchmarks use).
     *
     * @param port the port's registry number
     * @param dropped receive plus transmit drops, cumulative
     * @param durationNanos the switch's port duration, or {@link PortCounterSample#NO_DURATION}
     * @return what became of the sample
     */
    public SampleOutcome ingest(int port, long rxBytes, long txBytes, long dropped, long durationNanos,
                                long receivedMillis) {
        if (port < 0 || port >= registry.size()) {
            return tally(SampleOutcome.UNKNOWN_PORT, port, "port number out of range");
        }
        ensureCapacity(port + 1);
        if (options.semantics == CounterSemantics.SIGNED && (rxBytes < 0 || txBytes < 0 || dropped < 0)) {
            return tally(SampleOutcome.NEGATIVE_COUNTER, port, "negative counter");
        }
        if (!hasBaseline[port]) {
            keep(port, rxBytes, txBytes, dropped, durationNanos, receivedMillis);
            return tally(SampleOutcome.BASELINE);
        }
        boolean sameCounters = rxBytes == lastRx[port] && txBytes == lastTx[port] && dropped == lastDropped[port];
        boolean haveDurations = durationNanos >= 0 && lastDuration[port] >= 0;
        if (receivedMillis <= lastReceived[port]) {
            if (receivedMillis == lastReceived[port] && sameCounters) {
                return tally(SampleOutcome.DUPLICATE);
            }
            return tally(SampleOutcome.OUT_OF_ORDER, port, "timestamp not after the last kept sample");
        }
        if (haveDurations && durationNanos < lastDuration[port]) {
            return reset(port, rxBytes, txBytes, dropped, durationNanos, receivedMillis);
        }
        if (haveDurations && durationNanos == lastDuration[port] && sameCounters) {
            return tally(SampleOutcome.DUPLICATE);
        }
        double intervalMillis = haveDurations && durationNanos > lastDuration[port]
                ? (durationNanos - lastDuration[port]) / 1e6
                : receivedMillis - lastReceived[port];
        long capacity = registry.capacityBps(port);
        long maxBytes = capacity > 0
                ? (long) Math.ceil(capacity / 8.0 * intervalMillis / 1000.0 * options.capacityTolerance)
                : UNKNOWN_CAPACITY_MAX_BYTES;
        int flags = 0;
        boolean rxBack = Long.compareUnsigned(rxBytes, lastRx[port]) < 0;
        boolean txBack = Long.compareUnsigned(txBytes, lastTx[port]) < 0;
        boolean dropBack = Long.compareUnsigned(dropped, lastDropped[port]) < 0;
        if (rxBack || txBack || dropBack) {
            boolean wrap = options.semantics == CounterSemantics.UNSIGNED_64
                    && (!rxBack || isWrap(lastRx[port], rxBytes, maxBytes))
                    && (!txBack || isWrap(lastTx[port], txBytes, maxBytes))
                    && (!dropBack || isWrap(lastDropped[port], dropped, Long.MAX_VALUE));
            if (!wrap) {
                return reset(port, rxBytes, txBytes, dropped, durationNanos, receivedMillis);
            }
            flags |= RateSink.WRAP;
        }
        double rxDelta = unsigned(rxBytes - lastRx[port]);
        double txDelta = unsigned(txBytes - lastTx[port]);
        double rxBps = rxDelta * 8_000.0 / intervalMillis;
        double txBps = txDelta * 8_000.0 / intervalMillis;
        if (capacity > 0 && Math.max(rxBps, txBps) > capacity * options.capacityTolerance) {
            // Start a new epoch from here: whether this sample or the last was corrupt, no spike can follow.
            keep(port, rxBytes, txBytes, dropped, durationNanos, receivedMillis);
            return tally(SampleOutcome.INCONSISTENT, port, "rate above capacity");
        }
        if (receivedMillis - lastReceived[port] > options.gapFactor * options.expectedIntervalMillis) {
            flags |= RateSink.GAP;
        }
        if (inactive[port]) {
            flags |= RateSink.INACTIVE;
        }
        sink.onRate(port, lastReceived[port], receivedMillis, rxBps, txBps, dropped - lastDropped[port], flags);
        keep(port, rxBytes, txBytes, dropped, durationNanos, receivedMillis);
        return tally(SampleOutcome.ACCEPTED);
    }

    /**
     * Marks a port down or asleep (inactive) or back up. While inactive its counters are frozen and
     * {@link #markIdle} reports zero rates for it.
     */
    public void setActive(int port, boolean active) {
        if (port < 0 || port >= registry.size()) {
            throw new IndexOutOfBoundsException("port index " + port);
        }
        ensureCapacity(port + 1);
        inactive[port] = !active;
    }

    /** @return true unless the port was marked down or asleep */
    public boolean isActive(int port) {
        return port >= inactive.length || !inactive[port];
    }

    /**
     * For an inactive port whose switch sends no samples (asleep, dark): reports a zero rate from its last reading
     * up to {@code atMillis}, flagged {@link RateSink#INACTIVE}, and advances its clock with counters frozen. Does
     * nothing for active ports or ports without a baseline.
     */
    public void markIdle(int port, long atMillis) {
        if (port >= inactive.length || !inactive[port] || !hasBaseline[port] || atMillis <= lastReceived[port]) {
            return;
        }
        sink.onRate(port, lastReceived[port], atMillis, 0, 0, 0, RateSink.INACTIVE);
        if (lastDuration[port] >= 0) {
            lastDuration[port] += (atMillis - lastReceived[port]) * 1_000_000L;
        }
        lastReceived[port] = atMillis;
    }

    /** @return how many samples had this outcome */
    public long count(SampleOutcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    /** @return every outcome with its count, in declaration order */
    public Map<SampleOutcome, Long> counts() {
        Map<SampleOutcome, Long> m = new EnumMap<>(SampleOutcome.class);
        for (SampleOutcome o : SampleOutcome.values()) {
            m.put(o, outcomes[o.ordinal()]);
        }
        return m;
    }

    private static boolean isWrap(long old, long now, long maxBytes) {
        // The bytes from old up to 2^64 plus the bytes after zero must make a plausible increment.
        long increment = now - old; // two's complement: the unsigned distance modulo 2^64
        return Long.compareUnsigned(increment, maxBytes) <= 0;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : v + TWO_POW_64;
    }

    private SampleOutcome reset(int port, long rx, long tx, long dropped, long duration, long received) {
        keep(port, rx, tx, dropped, duration, received);
        return tally(SampleOutcome.RESET);
    }

    private void keep(int port, long rx, long tx, long dropped, long duration, long received) {
        lastRx[port] = rx;
        lastTx[port] = tx;
        lastDropped[port] = dropped;
        lastDuration[port] = duration;
        lastReceived[port] = received;
        hasBaseline[port] = true;
    }

    private SampleOutcome tally(SampleOutcome o) {
        outcomes[o.ordinal()]++;
        return o;
    }

    private SampleOutcome tally(SampleOutcome o, Object port, String reason) {
        outcomes[o.ordinal()]++;
        log.debug("sample for {} {}: {}", port, o, reason);
        return o;
    }

    private void ensureCapacity(int n) {
        if (n <= hasBaseline.length) {
            return;
        }
        int len = Math.max(n, Math.max(64, registry.size()));
        lastRx = Arrays.copyOf(lastRx, len);
        lastTx = Arrays.copyOf(lastTx, len);
        lastDropped = Arrays.copyOf(lastDropped, len);
        lastDuration = Arrays.copyOf(lastDuration, len);
        lastReceived = Arrays.copyOf(lastReceived, len);
        hasBaseline = Arrays.copyOf(hasBaseline, len);
        inactive = Arrays.copyOf(inactive, len);
    }

    /** Tunables of a tracker; immutable. */
    public static final class Options {
        private final CounterSemantics semantics;
        private final long expectedIntervalMillis;
        private final double gapFactor;
        private final double capacityTolerance;

        private Options(CounterSemantics semantics, long expectedIntervalMillis, double gapFactor,
                        double capacityTolerance) {
            if (expectedIntervalMillis <= 0 || !(gapFactor >= 1) || !(capacityTolerance >= 1)) {
                throw new IllegalArgumentException("interval must be positive, gap factor and tolerance >= 1");
            }
            this.semantics = semantics;
            this.expectedIntervalMillis = expectedIntervalMillis;
            this.gapFactor = gapFactor;
            this.capacityTolerance = capacityTolerance;
        }

        /**
         * Defaults for a source: polling every 5 s, a gap beyond 1.5 intervals, rates tolerated up to 10% above
         * capacity (receive-time jitter) before they count as inconsistent.
         */
        public static Options defaults(CounterSemantics semantics) {
            return new Options(semantics, 5_000, 1.5, 1.10);
        }

        /** @return these options with another polling interval in milliseconds */
        public Options withExpectedIntervalMillis(long millis) {
            return new Options(semantics, millis, gapFactor, capacityTolerance);
        }

        /** @return these options with another gap factor (intervals longer than factor × polling are gaps) */
        public Options withGapFactor(double factor) {
            return new Options(semantics, expectedIntervalMillis, factor, capacityTolerance);
        }

        /** @return these options with another capacity tolerance (1.0 = no rate above capacity) */
        public Options withCapacityTolerance(double tolerance) {
            return new Options(semantics, expectedIntervalMillis, gapFactor, tolerance);
        }

        /** @return the counter semantics */
        public CounterSemantics semantics() {
            return semantics;
        }

        /** @return the expected polling interval in milliseconds */
        public long expectedIntervalMillis() {
            return expectedIntervalMillis;
        }
    }
}
