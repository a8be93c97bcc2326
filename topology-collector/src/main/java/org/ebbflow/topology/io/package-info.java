/**
 * Loaders for real wide-area topologies: Internet Topology Zoo GraphML ({@link org.ebbflow.topology.io.GraphMlLoader})
 * and SNDlib native XML with its demand matrix ({@link org.ebbflow.topology.io.SndlibLoader}). Both read with StAX,
 * refuse DTDs and external entities, and turn every malformed input into a
 * {@link org.ebbflow.topology.io.TopologyFormatException} naming file, line and field.
 *
 * <p>Both build the same shape: every node is a switch of role {@code OTHER} with datapath id = its 1-based position in
 * the file, every cable two directed links with ports of their own, and host endpoints with derived addresses so that
 * traffic can be replayed between points of presence.
 */
package org.ebbflow.topology.io;
