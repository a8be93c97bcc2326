package org.ebbflow.openflow.channel;

import org.ebbflow.topology.DatapathId;

/** A request could not be sent or answered because the switch is not connected (or its connection closed). */
public final class SwitchUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param dpid the switch, or null while its identity is not known yet (during the handshake) */
    public SwitchUnavailableException(DatapathId dpid, String why) {
        super("switch " + (dpid == null ? "(handshaking)" : dpid) + " unavailable: " + why);
    }
}
