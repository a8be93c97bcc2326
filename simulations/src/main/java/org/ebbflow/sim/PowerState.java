package org.ebbflow.sim;

import java.util.Arrays;

import org.ebbflow.sim.control.PowerView;
import org.ebbflow.sim.net.Fabric;

/**
 * The true power states of one run's switches and cables, in fabric indices, as the actuator set them: awake, asleep,
 * or waking until a ready time. A cable's two directions always share a state. Not thread-safe.
 */
final class PowerState {
    static final byte AWAKE = 0;
    static final byte ASLEEP = 1;
    static final byte WAKING = 2;

    private final Fabric fabric;
    private final byte[] sw;
    private final long[] swReady;
    private final byte[] cable;
    private final long[] cableReady;
    private long version;

    PowerState(Fabric fabric) {
        this.fabric = fabric;
        sw = new byte[fabric.switchCount()];
        swReady = new long[fabric.switchCount()];
        cable = new byte[fabric.switchLinkCount()];
        cableReady = new long[fabric.switchLinkCount()];
        Arrays.fill(swReady, Long.MIN_VALUE);
        Arrays.fill(cableReady, Long.MIN_VALUE);
    }

    byte switchMode(int s) {
        return sw[s];
    }

    byte cableMode(int l) {
        return cable[l];
    }

    long switchReadyAt(int s) {
        return swReady[s];
    }

    long cableReadyAt(int l) {
        return cableReady[l];
    }

    /** @return a number that changes whenever a state changes */
    long version() {
        return version;
    }

    /** @return true if the switch draws power (awake or booting) */
    boolean switchPowered(int s) {
        return sw[s] != ASLEEP;
    }

    /** @return true if the switch forwards and answers polls at {@code t} */
    boolean switchReady(int s, long t) {
        return sw[s] == AWAKE || (sw[s] == WAKING && swReady[s] <= t);
    }

    boolean cableUp(int l, long t) {
        return cable[l] == AWAKE || (cable[l] == WAKING && cableReady[l] <= t);
    }

    /** Puts switch s to sleep now; @return true if that changed its state */
    boolean sleepSwitch(int s) {
        if (sw[s] == ASLEEP) {
            return false;
        }
        sw[s] = ASLEEP;
        swReady[s] = Long.MIN_VALUE;
        version++;
        return true;
    }

    /** Starts waking switch s; @return true if it was asleep */
    boolean wakeSwitch(int s, long readyAt) {
        if (sw[s] != ASLEEP) {
            return false;
        }
        sw[s] = WAKING;
        swReady[s] = readyAt;
        version++;
        return true;
    }

    /** Marks a waking switch awake (its ready time passed). */
    void switchReadyNow(int s) {
        sw[s] = AWAKE;
        swReady[s] = Long.MIN_VALUE;
        version++;
    }

    /** Puts the cable of link l (both directions) to sleep; @return true if that changed its state */
    boolean sleepCable(int l) {
        if (cable[l] == ASLEEP) {
            return false;
        }
        setCable(l, ASLEEP, Long.MIN_VALUE);
        version++;
        return true;
    }

    /** Starts waking the cable of link l; @return true if it was asleep */
    boolean wakeCable(int l, long readyAt) {
        if (cable[l] != ASLEEP) {
            return false;
        }
        setCable(l, WAKING, readyAt);
        version++;
        return true;
    }

    void cableReadyNow(int l) {
        setCable(l, AWAKE, Long.MIN_VALUE);
        version++;
    }

    private void setCable(int l, byte mode, long readyAt) {
        cable[l] = mode;
        cableReady[l] = readyAt;
        int r = fabric.reverse(l);
        if (r >= 0) {
            cable[r] = mode;
            cableReady[r] = readyAt;
        }
    }

    /** @return the share of [from, to) an element in this mode with this ready time is up */
    private static double up(byte mode, long ready, long from, long to) {
        if (mode == AWAKE) {
            return 1;
        }
        if (mode == ASLEEP || ready >= to) {
            return 0;
        }
        return ready <= from ? 1 : (to - ready) / (double) (to - from);
    }

    double switchUp(int s, long from, long to) {
        return up(sw[s], swReady[s], from, to);
    }

    /**
     * Fills the share of [from, to) each fabric link is up: a switch link needs its cable and both switches, an
     * access link its switch.
     */
    void fillUpFraction(double[] out, long from, long to) {
        int links = fabric.switchLinkCount();
        for (int l = 0; l < links; l++) {
            double u = up(cable[l], cableReady[l], from, to);
            if (u > 0) {
                u = Math.min(u, Math.min(switchUp(fabric.linkSrc(l), from, to), switchUp(fabric.linkDst(l), from,
                        to)));
            }
            out[l] = u;
        }
        for (int h = 0; h < fabric.hostCount(); h++) {
            double u = switchUp(fabric.hostSwitch(h), from, to);
            out[fabric.hostUpLink(h)] = u;
            out[fabric.hostDownLink(h)] = u;
        }
    }

    /** @return ports of switch s drawing power: connected, and (host port or cable not asleep and peer powered) */
    int activePorts(int s) {
        if (!switchPowered(s)) {
            return 0;
        }
        int n = 0;
        for (int q = fabric.switchPortStart(s); q < fabric.switchPortStart(s + 1); q++) {
            int tx = fabric.portTxLink(q);
            if (tx < 0) {
                continue;
            }
            if (fabric.isHostLink(tx) || (cable[tx] != ASLEEP && switchPowered(fabric.linkDst(tx)))) {
                n++;
            }
        }
        return n;
    }

    int switchesAsleep() {
        int n = 0;
        for (byte b : sw) {
            n += b == ASLEEP ? 1 : 0;
        }
        return n;
    }

    int cablesAsleep() {
        int n = 0;
        for (int l = 0; l < cable.length; l++) {
            int r = fabric.reverse(l);
            if (cable[l] == ASLEEP && (r < 0 || l < r)) {
                n++;
            }
        }
        return n;
    }

    static PowerView.State viewOf(byte mode) {
        return mode == AWAKE ? PowerView.State.AWAKE : mode == ASLEEP ? PowerView.State.ASLEEP
                : PowerView.State.WAKING;
    }
}
