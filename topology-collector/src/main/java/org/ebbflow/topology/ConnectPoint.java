package org.ebbflow.topology;

import java.util.Objects;

/** A port of a switch: datapath id plus OpenFlow port number. Printed as {@code <dpid>/<port>}. */
public final class ConnectPoint implements Comparable<ConnectPoint> {
    private final DatapathId dpid;
    private final long portNumber;

    private ConnectPoint(DatapathId dpid, long portNumber) {
        this.dpid = Objects.requireNonNull(dpid, "dpid");
        this.portNumber = portNumber;
    }

    /**
     * @param dpid the switch
     * @param portNumber the OpenFlow port number, 1 .. 0xffffff00 (the physical port range of OpenFlow 1.3)
     */
    public static ConnectPoint of(DatapathId dpid, long portNumber) {
        if (portNumber < 1 || portNumber > 0xFFFF_FF00L) {
            throw new IllegalArgumentException("port number out of range: " + portNumber);
        }
        return new ConnectPoint(dpid, portNumber);
    }

    /** @return the switch */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the OpenFlow port number */
    public long portNumber() {
        return portNumber;
    }

    @Override
    public int compareTo(ConnectPoint o) {
        int c = dpid.compareTo(o.dpid);
        return c != 0 ? c : Long.compare(portNumber, o.portNumber);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectPoint)) {
            return false;
        }
        ConnectPoint that = (ConnectPoint) o;
        return portNumber == that.portNumber && dpid.equals(that.dpid);
    }

    @Override
    public int hashCode() {
        return Hashing.mix(dpid.value() * 31 + portNumber);
    }

    @Override
    public String toString() {
        return dpid + "/" + portNumber;
    }
}
