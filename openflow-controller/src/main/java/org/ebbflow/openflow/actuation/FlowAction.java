package org.ebbflow.openflow.actuation;

/**
 * One action of an ebbflow flow rule: output to a switch port or to the controller. A rule with no actions drops
 * what it matches. Immutable.
 */
public final class FlowAction {
    /** OpenFlow's CONTROLLER port number (0xfffffffd). */
    public static final long CONTROLLER_PORT = 0xFFFF_FFFDL;
    private static final FlowAction TO_CONTROLLER = new FlowAction(CONTROLLER_PORT);

    private final long port;

    private FlowAction(long port) {
        this.port = port;
    }

    /**
     * @param port a physical port number, 1..0xffffff00
     * @throws IllegalArgumentException if the port is out of range
     */
    public static FlowAction output(long port) {
        if (port < 1 || port > 0xFFFF_FF00L) {
            throw new IllegalArgumentException("output port out of range: " + port);
        }
        return new FlowAction(port);
    }

    /** @return the action sending whole packets to the controller */
    public static FlowAction toController() {
        return TO_CONTROLLER;
    }

    /** @return the output port, {@link #CONTROLLER_PORT} for the controller */
    public long port() {
        return port;
    }

    /** @return true for the controller output */
    public boolean isController() {
        return port == CONTROLLER_PORT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowAction && ((FlowAction) o).port == port;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(port);
    }

    /** @return {@code output:N} or {@code output:CONTROLLER}, as flow-stats prints actions */
    @Override
    public String toString() {
        return isController() ? "output:CONTROLLER" : "output:" + port;
    }
}
