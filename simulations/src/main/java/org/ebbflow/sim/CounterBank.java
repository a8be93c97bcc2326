package org.ebbflow.sim;

import java.util.SplittableRandom;

import org.ebbflow.flowstats.PortCounterSample;
import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.sim.net.Allocation;
import org.ebbflow.sim.net.Fabric;

/**
 * The port counters of one run's switches, as OpenFlow reports them: cumulative unsigned 64-bit bytes, packets and
 * drops per port, plus the port's duration since its switch booted or the port reset. Advanced once per step from
 * the links' carried rates, polled once per cycle into the production collector. Not thread-safe.
 */
final class CounterBank {
    private final Fabric fabric;
    private final CounterOptions options;
    private final double meanPacketBytes;
    private final SplittableRandom random;
    private final long[] rxBytes;
    private final long[] txBytes;
    private final long[] rxPackets;
    private final long[] txPackets;
    private final long[] dropped;
    private final double[] rxCarry;
    private final double[] txCarry;
    private final double[] dropCarry;
    private final long[] bootMillis;
    private long accepted;

    CounterBank(Fabric fabric, CounterOptions options, double meanPacketBytes, long seed, long startMillis) {
        this.fabric = fabric;
        this.options = options;
        this.meanPacketBytes = meanPacketBytes;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int p = fabric.portCount();
        rxBytes = new long[p];
        txBytes = new long[p];
        rxPackets = new long[p];
        txPackets = new long[p];
        dropped = new long[p];
        rxCarry = new double[p];
        txCarry = new double[p];
        dropCarry = new double[p];
        bootMillis = new long[p];
        for (int q = 0; q < p; q++) {
            restart(q, startMillis);
        }
    }

    /** Zeroes (or randomises) port q's counters and restarts its duration at {@code atMillis}. */
    void restart(int q, long atMillis) {
        long start = options.randomStart() ? random.nextLong() : 0;
        rxBytes[q] = start;
        txBytes[q] = start;
        rxPackets[q] = 0;
        txPackets[q] = 0;
        dropped[q] = 0;
        rxCarry[q] = 0;
        txCarry[q] = 0;
        dropCarry[q] = 0;
        bootMillis[q] = atMillis;
    }

    /** Restarts every port of switch s (it booted). */
    void restartSwitch(int s, long atMillis) {
        for (int q = fabric.switchPortStart(s); q < fabric.switchPortStart(s + 1); q++) {
            restart(q, atMillis);
        }
    }

    /** Adds one step's traffic: each port transmits its tx link's carried rate and receives its rx link's. */
    void advance(Allocation a, double stepSeconds, long stepEndMillis) {
        int p = fabric.portCount();
        for (int q = 0; q < p; q++) {
            int tx = fabric.portTxLink(q);
            int rx = fabric.portRxLink(q);
            if (tx >= 0) {
                double b = bytes(a.carriedBps(tx), stepSeconds) + txCarry[q];
                long whole = (long) b;
                txCarry[q] = b - whole;
                txBytes[q] += whole;
                double pk = whole / meanPacketBytes;
                txPackets[q] += (long) Math.ceil(pk);
                double d = a.droppedBits(tx) / 8 / meanPacketBytes + dropCarry[q];
                dropped[q] += (long) d;
                dropCarry[q] = d - (long) d;
            }
            if (rx >= 0) {
                double b = bytes(a.carriedBps(rx), stepSeconds) + rxCarry[q];
                long whole = (long) b;
                rxCarry[q] = b - whole;
                rxBytes[q] += whole;
                rxPackets[q] += (long) Math.ceil(whole / meanPacketBytes);
            }
            if (options.resetProbability() > 0 && random.nextDouble() < options.resetProbability()) {
                restart(q, stepEndMillis);
            }
        }
    }

    private double bytes(double bps, double seconds) {
        double b = bps * seconds / 8;
        if (options.noiseSigma() > 0 && b > 0) {
            b *= Math.max(0, 1 + options.noiseSigma() * random.nextGaussian());
        }
        return b;
    }

    /**
     * Polls every port of the switches that answer at {@code pollMillis} into the collector, each reply received
     * after a jitter, some lost when configured so.
     *
     * @param ready which switches answer (awake and booted)
     */
    void poll(PortStatsCollector collector, PowerState state, long pollMillis) {
        for (int s = 0; s < fabric.switchCount(); s++) {
            if (!state.switchReady(s, pollMillis)) {
                continue;
            }
            for (int q = fabric.switchPortStart(s); q < fabric.switchPortStart(s + 1); q++) {
                if (options.missedPollProbability() > 0 && random.nextDouble() < options.missedPollProbability()) {
                    continue;
                }
                long received = pollMillis + (options.jitterMillis() > 0
                        ? random.nextLong(options.jitterMillis() + 1) : 0);
                PortCounterSample sample = PortCounterSample.builder(fabric.port(q), received)
                        .bytes(rxBytes[q], txBytes[q])
                        .packets(rxPackets[q], txPackets[q])
                        .dropped(0, dropped[q])
                        .durationNanos((pollMillis - bootMillis[q]) * 1_000_000L)
                        .build();
                collector.accept(sample);
                accepted++;
            }
        }
    }

    /** @return port q's transmitted bytes (unsigned) */
    long txBytes(int q) {
        return txBytes[q];
    }

    /** @return port q's received bytes (unsigned) */
    long rxBytes(int q) {
        return rxBytes[q];
    }

    /** @return samples handed to the collector so far */
    long samples() {
        return accepted;
    }
}
