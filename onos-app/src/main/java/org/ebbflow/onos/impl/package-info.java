/**
 * The ebbflow ONOS component and its adapters: ONOS device, port, link and host state and events to the topology
 * collector ({@link org.ebbflow.onos.impl.OnosDiscovery}), port statistics to flow-stats
 * ({@link org.ebbflow.onos.impl.OnosStats}), plans to staged flow-rule operations and port state changes
 * ({@link org.ebbflow.onos.impl.Actuation}, {@link org.ebbflow.onos.impl.OnosActuator}), and the state a new leader
 * resumes from ({@link org.ebbflow.onos.impl.ClusterState}).
 */
package org.ebbflow.onos.impl;
