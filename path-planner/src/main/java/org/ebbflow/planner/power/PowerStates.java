package org.ebbflow.planner.power;

import java.util.Arrays;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Which switches and links of one snapshot are (to be) awake. A link is a cable: both directions share one flag, and
 * a link can carry traffic only if it is awake, both its switches are awake and the snapshot does not report it
 * failed or administratively down. Failed switches count as awake (powered but unreachable), since ebbflow never
 * put them to sleep. Immutable; indexed like the snapshot.
 */
public final class PowerStates {
    private final TopologySnapshot topology;
    private final boolean[] switchAwake;
    private final boolean[] linkAwake;

    private PowerStates(TopologySnapshot topology, boolean[] switchAwake, boolean[] linkAwake) {
        this.topology = topology;
        this.switchAwake = switchAwake;
        this.linkAwake = linkAwake;
    }

    /**
     * The states the snapshot reports: a switch or link is asleep exactly when its effective state is
     * {@link ElementState#ASLEEP} (so a link to a sleeping switch is asleep). O(switches + links).
     */
    public static PowerStates fromSnapshot(TopologySnapshot topology) {
        boolean[] s = new boolean[topology.switchCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = topology.switchState(i) != ElementState.ASLEEP;
        }
        boolean[] l = new boolean[topology.linkCount()];
        for (int i = 0; i < l.length; i++) {
            int r = topology.reverseLink(i);
            l[i] = topology.linkState(i) != ElementState.ASLEEP
                    || r >= 0 && topology.linkState(r) != ElementState.ASLEEP;
        }
        return new PowerStates(topology, s, l);
    }

    /** @return every switch and link awake: the network as it runs without ebbflow */
    public static PowerStates allAwake(TopologySnapshot topology) {
        boolean[] s = new boolean[topology.switchCount()];
        boolean[] l = new boolean[topology.linkCount()];
        Arrays.fill(s, true);
        Arrays.fill(l, true);
        return new PowerStates(topology, s, l);
    }

    /** @return a builder starting from every switch and link asleep */
    public static Builder builder(TopologySnapshot topology) {
        return new Builder(topology, new boolean[topology.switchCount()], new boolean[topology.linkCount()]);
    }

    /** @return a builder starting from these states */
    public Builder toBuilder() {
        return new Builder(topology, switchAwake.clone(), linkAwake.clone());
    }

    /** @return the snapshot these states index */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return true if switch {@code s} is (to be) awake */
    public boolean isSwitchAwake(int s) {
        return switchAwake[s];
    }

    /** @return true if the cable of directed link {@code l} is (to be) awake; its switches may still sleep */
    public boolean isLinkAwake(int l) {
        return linkAwake[l];
    }

    /** @return true if link {@code l} can carry traffic in these states */
    public boolean carries(int l) {
        return linkAwake[l] && switchAwake[topology.linkSrc(l)] && switchAwake[topology.linkDst(l)]
                && isLinkAvailable(topology, l);
    }

    /** @return the number of awake switches */
    public int awakeSwitchCount() {
        int n = 0;
        for (boolean b : switchAwake) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** @return the number of cables (undirected links) that can carry traffic */
    public int carryingCableCount() {
        int n = 0;
        for (int l = 0; l < linkAwake.length; l++) {
            int r = topology.reverseLink(l);
            if ((r < 0 || l < r) && (carries(l) || r >= 0 && carries(r))) {
                n++;
            }
        }
        return n;
    }

    /**
     * @return true if switch {@code s} is up or asleep, i.e. usable once awake; false if failed or administratively
     *     down
     */
    public static boolean isSwitchAvailable(TopologySnapshot topology, int s) {
        ElementState st = topology.switchState(s);
        return st == ElementState.ACTIVE || st == ElementState.ASLEEP;
    }

    /** @return true if link {@code l} is up or asleep (so usable once awake), and both its switches are too */
    public static boolean isLinkAvailable(TopologySnapshot topology, int l) {
        ElementState st = topology.linkState(l);
        return (st == ElementState.ACTIVE || st == ElementState.ASLEEP)
                && isSwitchAvailable(topology, topology.linkSrc(l)) && isSwitchAvailable(topology, topology.linkDst(l));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PowerStates)) {
            return false;
        }
        PowerStates p = (PowerStates) o;
        return topology == p.topology && Arrays.equals(switchAwake, p.switchAwake)
                && Arrays.equals(linkAwake, p.linkAwake);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(switchAwake) * 31 + Arrays.hashCode(linkAwake);
    }

    @Override
    public String toString() {
        return "PowerStates{awake switches " + awakeSwitchCount() + "/" + switchAwake.length + ", carrying cables "
                + carryingCableCount() + "}";
    }

    /** Sets states one element at a time; links are set per cable (both directions together). */
    public static final class Builder {
        private final TopologySnapshot topology;
        private final boolean[] switchAwake;
        private final boolean[] linkAwake;

        private Builder(TopologySnapshot topology, boolean[] switchAwake, boolean[] linkAwake) {
            this.topology = topology;
            this.switchAwake = switchAwake;
            this.linkAwake = linkAwake;
        }

        /** Sets switch {@code s} awake or asleep. */
        public Builder switchAwake(int s, boolean awake) {
            switchAwake[s] = awake;
            return this;
        }

        /** Sets the cable of link {@code l} (both directions) awake or asleep. */
        public Builder linkAwake(int l, boolean awake) {
            linkAwake[l] = awake;
            int r = topology.reverseLink(l);
            if (r >= 0) {
                linkAwake[r] = awake;
            }
            return this;
        }

        /** @return true if switch {@code s} is set awake */
        public boolean isSwitchAwake(int s) {
            return switchAwake[s];
        }

        /** @return true if the cable of link {@code l} is set awake */
        public boolean isLinkAwake(int l) {
            return linkAwake[l];
        }

        /** @return the states; the builder may be reused, later changes do not affect the result */
        public PowerStates build() {
            return new PowerStates(topology, switchAwake.clone(), linkAwake.clone());
        }
    }
}
