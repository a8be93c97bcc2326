/**
 * The simulated network as flat arrays ({@link org.ebbflow.sim.net.Fabric}), routings that map demands onto paths
 * (ECMP, explicit planned paths), and the allocation of a step's traffic onto links with congestion.
 */
package org.ebbflow.sim.net;
