package org.ebbflow.planner.plan;

import java.util.Objects;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;

/**
 * One switch or cable waking or going to sleep, with why and (for a switch waking) how long it takes. A cable is
 * named by one of its directions and covers both. Immutable.
 */
public final class PowerTransition {
    /** Wake or sleep. */
    public enum Direction {
        /** Power up: a switch boots, a cable's two ports are enabled. */
        WAKE,
        /** Power down: a switch sleeps, a cable's two ports are disabled. */
        SLEEP
    }

    private final Direction direction;
    private final DatapathId device;
    private final LinkKey cable;
    private final String reason;
    private final long latencyMillis;

    private PowerTransition(Direction direction, DatapathId device, LinkKey cable, String reason,
                            long latencyMillis) {
        this.direction = Objects.requireNonNull(direction, "direction");
        this.device = device;
        this.cable = cable;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.latencyMillis = latencyMillis;
    }

    /**
     * @param direction wake or sleep
     * @param device the switch
     * @param reason why
     * @param latencyMillis how long the transition takes before the switch forwards (0 for sleeps)
     */
    public static PowerTransition ofSwitch(Direction direction, DatapathId device, String reason, long latencyMillis) {
        return new PowerTransition(direction, Objects.requireNonNull(device, "device"), null, reason, latencyMillis);
    }

    /** A cable's transition: both ports of the link and its reverse. */
    public static PowerTransition ofCable(Direction direction, LinkKey cable, String reason) {
        return new PowerTransition(direction, null, Objects.requireNonNull(cable, "cable"), reason, 0);
    }

    /** @return wake or sleep */
    public Direction direction() {
        return direction;
    }

    /** @return true if this concerns a switch, false for a cable */
    public boolean isSwitch() {
        return device != null;
    }

    /** @return the switch, or null for a cable */
    public DatapathId device() {
        return device;
    }

    /** @return the cable (one of its directions), or null for a switch */
    public LinkKey cable() {
        return cable;
    }

    /** @return why */
    public String reason() {
        return reason;
    }

    /** @return milliseconds until a waking switch forwards; 0 for cables and sleeps */
    public long latencyMillis() {
        return latencyMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PowerTransition)) {
            return false;
        }
        PowerTransition t = (PowerTransition) o;
        return direction == t.direction && Objects.equals(device, t.device) && Objects.equals(cable, t.cable)
                && reason.equals(t.reason) && latencyMillis == t.latencyMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(direction, device, cable, reason, latencyMillis);
    }

    @Override
    public String toString() {
        return direction + " " + (device != null ? device : "cable " + cable) + " (" + reason + ")";
    }
}
