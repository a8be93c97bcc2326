/**
 * Rebuilding the topology from discovery events. Every controller (ONOS, the standalone OpenFlow controller, the
 * simulator) feeds {@link org.ebbflow.topology.discovery.DiscoveryEvent}s into a
 * {@link org.ebbflow.topology.discovery.DiscoveryEventSink}; the {@link org.ebbflow.topology.discovery.TopologyManager}
 * keeps the model, emits typed {@link org.ebbflow.topology.discovery.TopologyEvent}s and hands out immutable snapshots.
 */
package org.ebbflow.topology.discovery;
