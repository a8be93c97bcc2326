package org.ebbflow.planner.power;

import java.util.Objects;
import org.ebbflow.topology.SwitchRole;

/** Power of the switches of one role: counts and current, all-on and maximum watts. Immutable. */
public final class RolePower {
    private final SwitchRole role;
    private final int switches;
    private final int asleep;
    private final double currentWatts;
    private final double allOnWatts;
    private final double maxWatts;

    /**
     * @param role the tier
     * @param switches number of switches of this role
     * @param asleep how many of them are asleep
     * @param currentWatts watts in the reported states
     * @param allOnWatts watts with everything awake and every connected port on
     * @param maxWatts watts with everything awake and every physical port on
     */
    public RolePower(SwitchRole role, int switches, int asleep, double currentWatts, double allOnWatts,
                     double maxWatts) {
        this.role = Objects.requireNonNull(role, "role");
        this.switches = switches;
        this.asleep = asleep;
        this.currentWatts = currentWatts;
        this.allOnWatts = allOnWatts;
        this.maxWatts = maxWatts;
    }

    /** @return the tier */
    public SwitchRole role() {
        return role;
    }

    /** @return number of switches of this role */
    public int switches() {
        return switches;
    }

    /** @return how many are asleep */
    public int asleep() {
        return asleep;
    }

    /** @return watts in the reported states */
    public double currentWatts() {
        return currentWatts;
    }

    /** @return watts with everything awake and every connected port on */
    public double allOnWatts() {
        return allOnWatts;
    }

    /** @return watts with everything awake and every physical port on */
    public double maxWatts() {
        return maxWatts;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RolePower)) {
            return false;
        }
        RolePower r = (RolePower) o;
        return role == r.role && switches == r.switches && asleep == r.asleep && currentWatts == r.currentWatts
                && allOnWatts == r.allOnWatts && maxWatts == r.maxWatts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, switches, asleep, currentWatts, allOnWatts, maxWatts);
    }

    @Override
    public String toString() {
        return role + "{" + (switches - asleep) + "/" + switches + " awake, " + currentWatts + " W of " + allOnWatts
                + " W, max " + maxWatts + " W}";
    }
}
