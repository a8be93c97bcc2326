package org.ebbflow.topology;

/**
 * Whether a switch, port or link is usable, and if not, why. When several reasons hold, the one with the higher
 * ordinal wins: an element ebbflow put to sleep reports {@link #ASLEEP} even though its ports are also
 * administratively down, so the planner knows it may wake it.
 */
public enum ElementState {
    /** Up and usable. */
    ACTIVE,
    /** Lost without anyone asking: switch disconnected, port link down, link no longer discovered. */
    FAILED,
    /** Taken down by an operator (port administratively down); ebbflow does not bring it back. */
    ADMIN_DOWN,
    /** Put to sleep by ebbflow: stays known so that it can be woken. */
    ASLEEP;

    /** @return true only for {@link #ACTIVE} */
    public boolean isUsable() {
        return this == ACTIVE;
    }

    /** @return the state that wins when both reasons hold */
    public ElementState combine(ElementState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
