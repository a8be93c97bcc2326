package org.ebbflow.topology;

/** Where a switch sits in the fabric; planners use it to pick topology-aware strategies. */
public enum SwitchRole {
    /** Fat-tree core (top tier). */
    CORE,
    /** Fat-tree aggregation (pod tier). */
    AGGREGATION,
    /** Fat-tree edge (top of rack, hosts attach here). */
    EDGE,
    /** Leaf-spine spine. */
    SPINE,
    /** Leaf-spine leaf (hosts attach here). */
    LEAF,
    /** Any other switch, such as a node of a wide-area topology. */
    OTHER
}
