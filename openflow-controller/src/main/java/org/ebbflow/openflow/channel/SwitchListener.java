package org.ebbflow.openflow.channel;

import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPortStatus;

/**
 * Receives switch events from the {@link SwitchRegistry}. Called on the switch's channel event loop: implementations
 * must not block (hand slow work to another executor), and one switch's events arrive in order.
 */
public interface SwitchListener {
    /** The switch finished its handshake (again, after a reconnection) and accepts requests. */
    default void switchActivated(SwitchConnection sw) {
    }

    /** The switch's connection closed (not called when a newer connection of the same switch replaced it). */
    default void switchDeactivated(SwitchConnection sw) {
    }

    /** The switch reported a port added, deleted or modified; {@code sw}'s port table is already updated. */
    default void portStatus(SwitchConnection sw, OFPortStatus status) {
    }

    /** The switch sent a packet to the controller. */
    default void packetIn(SwitchConnection sw, OFPacketIn packetIn) {
    }
}
