/**
 * Topology specs: the one textual way every command names a topology, such as {@code fat-tree:k=8,rate=10G},
 * {@code leaf-spine:spines=4,leaves=8,hosts=16} or {@code graphml:nets/Abilene.graphml,rate=10G}. See
 * {@link org.ebbflow.topology.spec.TopologySpec} for the grammar.
 */
package org.ebbflow.topology.spec;
