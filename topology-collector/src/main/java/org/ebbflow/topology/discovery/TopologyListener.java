package org.ebbflow.topology.discovery;

/**
 * Receives topology changes. Called on the thread that applied the discovery event, with the manager's lock held:
 * implementations only queue work (hand it to an executor) and never call back into the manager's mutators.
 */
@FunctionalInterface
public interface TopologyListener {
    /** @param event the change, not null */
    void event(TopologyEvent event);
}
