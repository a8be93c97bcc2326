package org.ebbflow.flowstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;

/**
 * Random counter streams of a real-looking port (traffic within capacity, counters starting anywhere, 64-bit wraps,
 * resets with the switch's duration restarting, missed polls, duplicates, reordering, receive jitter): every rate
 * produced is the true average over its interval, and none is negative or above capacity. Streams with corrupt
 * readings mixed in may lose samples, but still never produce an impossible rate.
 */
class CounterStreamPropertyTest {
    private static final long CAPACITY_BPS = 1_000_000_000L;
    private static final ConnectPoint PORT = ConnectPoint.of(DatapathId.of(1), 1);

    /** A sample plus the true cumulative bytes and epoch it was taken at. */
    private static final class Truth {
        final PortCounterSample sample;
        final double trueSeconds;
        final long epoch;
        final long cumulativeRx;

        Truth(PortCounterSample sample, double trueSeconds, long epoch, long cumulativeRx) {
            this.sample = sample;
            this.trueSeconds = trueSeconds;
            this.epoch = epoch;
            this.cumulativeRx = cumulativeRx;
        }
    }

    private static List<Truth> stream(SplittableRandom rnd, boolean corrupt) {
        List<Truth> out = new ArrayList<>();
        long epoch = 0;
        double epochStart = 0;
        // Start anywhere, including just below 2^64 so that the stream wraps.
        long offset = rnd.nextBoolean() ? -rnd.nextLong(1, 50_000_000_000L) : rnd.nextLong(0, 1L << 40);
        long cumulative = 0;
        double t = 0;
        for (int i = 0; i < 200; i++) {
            double step = 5 + rnd.nextDouble(-0.2, 0.2);
            t += step;
            cumulative += (long) (rnd.nextDouble() * CAPACITY_BPS / 8 * step * 0.98);
            // Reboot: counters and duration restart. Only after some uptime: a reset right after another one, hidden
            // by missed polls, leaves counters and duration above the last reading and no collector can see it.
            if (t - epochStart > 100 && rnd.nextInt(40) == 0) {
                epoch++;
                epochStart = t;
                offset = 0;
                cumulative = 0;
            }
            long received = Math.round(t * 1000 + rnd.nextInt(0, 300)); // jitter: the switch's duration is exact
            long durationNanos = Math.round((t - epochStart) * 1e9);
            PortCounterSample s = PortCounterSample.builder(PORT, received)
                    .bytes(offset + cumulative, offset + cumulative / 2).durationNanos(durationNanos).build();
            if (corrupt && rnd.nextInt(15) == 0) {
                s = PortCounterSample.builder(PORT, received).bytes(rnd.nextLong(), rnd.nextLong())
                        .durationNanos(rnd.nextBoolean() ? durationNanos : rnd.nextLong(0, Long.MAX_VALUE)).build();
            }
            if (rnd.nextInt(10) == 0) {
                continue; // missed poll
            }
            out.add(new Truth(s, t, epoch, cumulative));
            if (rnd.nextInt(20) == 0) {
                out.add(out.get(out.size() - 1)); // duplicate delivery
            }
        }
        for (int i = 1; i < out.size(); i++) {
            if (rnd.nextInt(25) == 0) {
                Collections.swap(out, i - 1, i); // reordering
            }
        }
        return out;
    }

    @Property(tries = 300)
    void ratesAreTrueAveragesAndNeverImpossible(@ForAll long seed) {
        PortRegistry registry = new PortRegistry();
        registry.register(PORT, CAPACITY_BPS);
        RecordingSink sink = new RecordingSink();
        CounterTracker tracker = new CounterTracker(registry, sink,
                CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64));
        List<Truth> samples = stream(new SplittableRandom(seed), false);
        Map<Long, Truth> byReceived = new HashMap<>();
        Truth lastKept = null;
        for (Truth s : samples) {
            int before = sink.rates.size();
            SampleOutcome o = tracker.ingest(s.sample);
            if (sink.rates.size() > before) {
                RecordingSink.Rate r = sink.last();
                Truth from = byReceived.get(r.from);
                assertEquals(lastKept, from);
                assertEquals(from.epoch, s.epoch, "no rate spans a reset");
                double expected = (s.cumulativeRx - from.cumulativeRx) * 8 / (s.trueSeconds - from.trueSeconds);
                assertEquals(expected, r.rxBps, Math.max(1e-6 * expected, 1e-3));
            }
            if (o.isKept()) {
                lastKept = s;
                byReceived.put(s.sample.receivedMillis(), s);
            }
        }
        for (RecordingSink.Rate r : sink.rates) {
            assertTrue(r.rxBps >= 0 && r.txBps >= 0, "negative rate " + r);
            assertTrue(r.rxBps <= CAPACITY_BPS && r.txBps <= CAPACITY_BPS, "rate above capacity " + r);
        }
        assertEquals(0, tracker.count(SampleOutcome.INCONSISTENT), "consistent input is never flagged");
        long total = tracker.counts().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(samples.size(), total, "every sample has exactly one outcome");
    }

    @Property(tries = 300)
    void corruptReadingsNeverBecomeImpossibleRates(@ForAll long seed) {
        PortRegistry registry = new PortRegistry();
        registry.register(PORT, CAPACITY_BPS);
        RecordingSink sink = new RecordingSink();
        CounterTracker.Options options = CounterTracker.Options.defaults(CounterSemantics.UNSIGNED_64);
        CounterTracker tracker = new CounterTracker(registry, sink, options);
        for (Truth s : stream(new SplittableRandom(seed), true)) {
            tracker.ingest(s.sample);
        }
        for (RecordingSink.Rate r : sink.rates) {
            assertTrue(r.rxBps >= 0 && r.txBps >= 0, "negative rate " + r);
            assertTrue(r.rxBps <= CAPACITY_BPS * 1.10 && r.txBps <= CAPACITY_BPS * 1.10, "impossible rate " + r);
            assertTrue(r.to > r.from);
        }
    }
}
