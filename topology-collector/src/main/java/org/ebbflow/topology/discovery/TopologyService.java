package org.ebbflow.topology.discovery;

import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;

/** The current topology, its changes, and ebbflow's own record of what it has put to sleep. */
public interface TopologyService {
    /**
     * @return an immutable snapshot of the current model; repeated calls without intervening changes return the same
     *     instance
     */
    TopologySnapshot snapshot();

    /** @return the model's version: it grows with every change */
    long version();

    /** Registers a listener; adding the same listener twice has no effect. */
    void addListener(TopologyListener listener);

    /** Unregisters a listener; unknown listeners are ignored. */
    void removeListener(TopologyListener listener);

    /**
     * Records that ebbflow put a switch to sleep (asleep = true) or woke it. An asleep switch stays in the model while
     * disconnected or dark and never expires. Unknown switches are ignored.
     *
     * @param atMillis when, on the caller's clock
     */
    void setSwitchAsleep(DatapathId dpid, boolean asleep, long atMillis);

    /**
     * Records that ebbflow put one direction of a link to sleep or woke it; an asleep link survives its
     * {@link DiscoveryEvent.Type#LINK_VANISHED} and never expires. Unknown links are ignored.
     *
     * @param atMillis when, on the caller's clock
     */
    void setLinkAsleep(LinkKey key, boolean asleep, long atMillis);

    /**
     * Removes what was not confirmed for longer than the expiry: links not rediscovered, switches disconnected
     * (unless asleep, or for links, asleep or on an administratively down port).
     *
     * @param nowMillis the current time on the discovery clock
     * @return the number of elements removed
     */
    int expire(long nowMillis);
}
