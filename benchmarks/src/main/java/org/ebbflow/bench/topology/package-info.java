/**
 * JMH benchmarks of the topology model: building a {@link org.ebbflow.topology.TopologySnapshot} (from the fat-tree
 * generator and from a {@link org.ebbflow.topology.discovery.TopologyManager} after a change) and applying a burst of
 * discovery events to a manager that holds a whole fabric. One {@code @State} per workload, sizes as {@code @Param},
 * fabrics built once per trial from the shared generators in {@code org.ebbflow.topology.generate}.
 */
package org.ebbflow.bench.topology;
