/**
 * The topology model: immutable ids and values (switch, port, connect point, directed link, host endpoint) and the
 * immutable, int-indexed {@link org.ebbflow.topology.TopologySnapshot} that planners walk.
 */
package org.ebbflow.topology;
