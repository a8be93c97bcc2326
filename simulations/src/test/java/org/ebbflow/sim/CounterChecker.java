package org.ebbflow.sim;

import org.ebbflow.flowstats.PortStatsCollector;
import org.ebbflow.flowstats.SeriesStore;
import org.ebbflow.sim.net.Allocation;
import org.ebbflow.sim.net.Fabric;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Remembers each step's carried loads per port, then reads the production collector's rates for that step and
 * compares; also counts links the manager lost and the worst carried load over capacity. One per policy.
 */
final class CounterChecker implements SimListener {
    private final boolean gapsWhenIdle;
    double[] expectTx;
    double[] expectRx;
    Fabric fabric;
    long compared;
    long mismatches;
    String firstMismatch = "";
    long linksLost;
    double offeredBits;
    double worstCarriedOverCapacity;
    private final float[] rx = new float[1];
    private final float[] tx = new float[1];

    /**
     * @param gapsWhenIdle whether a port may have no rate for a step in which it carried nothing (asleep or just
     *     woken: a gap, never a fake value); false when every element stays awake
     */
    CounterChecker(boolean gapsWhenIdle) {
        this.gapsWhenIdle = gapsWhenIdle;
    }

    @Override
    public void stepSimulated(String policy, long from, long to, Fabric f, Allocation a) {
        fabric = f;
        if (expectTx == null) {
            expectTx = new double[f.portCount()];
            expectRx = new double[f.portCount()];
        }
        for (int q = 0; q < f.portCount(); q++) {
            expectTx[q] = f.portTxLink(q) < 0 ? 0 : a.carriedBps(f.portTxLink(q));
            expectRx[q] = f.portRxLink(q) < 0 ? 0 : a.carriedBps(f.portRxLink(q));
        }
        for (int l = 0; l < f.linkCount(); l++) {
            if (f.capacityBps(l) > 0) {
                worstCarriedOverCapacity = Math.max(worstCarriedOverCapacity, a.carriedBps(l) / f.capacityBps(l));
            }
        }
        offeredBits += a.offeredBps() * (to - from) / 1000.0;
    }

    @Override
    public void cycleDone(String policy, long now, TopologySnapshot topology, PortStatsCollector stats) {
        SeriesStore store = stats.store();
        long end = store.fineStepOf(now);
        for (int q = 0; q < fabric.portCount(); q++) {
            int port = stats.registry().indexOf(fabric.port(q));
            if (port < 0) {
                continue;
            }
            store.read(0, port, end, 1, rx, tx, 0);
            compare(q, "tx", expectTx[q], tx[0], now);
            compare(q, "rx", expectRx[q], rx[0], now);
        }
        for (int l = 0; l < topology.linkCount(); l++) {
            linksLost += topology.isLinkUsable(l) ? 0 : 1;
        }
        linksLost += fabric.switchLinkCount() - topology.linkCount();
    }

    private void compare(int q, String dir, double want, float got, long now) {
        if (gapsWhenIdle && Float.isNaN(got) && want == 0) {
            return;
        }
        compared++;
        // Counters hold whole bytes (≤ 8 bits per step of rounding); the store keeps floats.
        if (Float.isNaN(got) || Math.abs(got - want) > 1e-6 * want + 4) {
            if (mismatches++ == 0) {
                firstMismatch = "port " + fabric.port(q) + " " + dir + " at " + now + ": collector " + got
                        + " bps, simulated " + want + " bps";
            }
        }
    }
}
