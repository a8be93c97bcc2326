package org.ebbflow.topology;

import java.util.Objects;

/** A switch port as the switch describes it: name, speed and whether it is administratively and physically up. */
public final class PortInfo {
    private final ConnectPoint connectPoint;
    private final String name;
    private final long speedBps;
    private final boolean adminUp;
    private final boolean linkUp;

    private PortInfo(ConnectPoint connectPoint, String name, long speedBps, boolean adminUp, boolean linkUp) {
        this.connectPoint = Objects.requireNonNull(connectPoint, "connectPoint");
        this.name = Objects.requireNonNull(name, "name");
        if (speedBps < 0) {
            throw new IllegalArgumentException("negative port speed at " + connectPoint);
        }
        this.speedBps = speedBps;
        this.adminUp = adminUp;
        this.linkUp = linkUp;
    }

    /**
     * @param connectPoint where the port is
     * @param name the port's name, such as {@code e0_1-eth3}
     * @param speedBps the port's line rate in bits per second, 0 if unknown
     * @param adminUp false when the port is configured down (OpenFlow PORT_DOWN)
     * @param linkUp false when the port has no carrier (OpenFlow LINK_DOWN)
     */
    public static PortInfo of(ConnectPoint connectPoint, String name, long speedBps, boolean adminUp, boolean linkUp) {
        return new PortInfo(connectPoint, name, speedBps, adminUp, linkUp);
    }

    /** @return an enabled, connected port */
    public static PortInfo up(ConnectPoint connectPoint, String name, long speedBps) {
        return new PortInfo(connectPoint, name, speedBps, true, true);
    }

    /** @return where the port is */
    public ConnectPoint connectPoint() {
        return connectPoint;
    }

    /** @return the port's name */
    public String name() {
        return name;
    }

    /** @return line rate in bits per second, 0 if unknown */
    public long speedBps() {
        return speedBps;
    }

    /** @return false when configured down */
    public boolean adminUp() {
        return adminUp;
    }

    /** @return false when the port has no carrier */
    public boolean linkUp() {
        return linkUp;
    }

    /** @return the port with other admin and link flags */
    public PortInfo withStatus(boolean newAdminUp, boolean newLinkUp) {
        return new PortInfo(connectPoint, name, speedBps, newAdminUp, newLinkUp);
    }

    /** @return the port's own state, not counting ebbflow's sleep records: admin down beats link down */
    public ElementState state() {
        if (!adminUp) {
            return ElementState.ADMIN_DOWN;
        }
        return linkUp ? ElementState.ACTIVE : ElementState.FAILED;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PortInfo)) {
            return false;
        }
        PortInfo p = (PortInfo) o;
        return connectPoint.equals(p.connectPoint) && name.equals(p.name) && speedBps == p.speedBps
                && adminUp == p.adminUp && linkUp == p.linkUp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectPoint, name, speedBps, adminUp, linkUp);
    }

    @Override
    public String toString() {
        return name + "(" + connectPoint + ", " + speedBps + " bps, " + state() + ")";
    }
}
