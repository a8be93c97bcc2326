/**
 * Demand routers: place every demand on a path within its class's utilisation cap, admit guaranteed demands only
 * where their reservation fits, prefer elements the power decision requires awake and wake optional ones only when
 * needed. Implementations: {@link org.ebbflow.planner.route.EcmpRouter} (the always-on baseline),
 * {@link org.ebbflow.planner.route.GreedyBinPackingRouter} (ElasticTree's greedy bin-packer for any topology) and
 * {@link org.ebbflow.planner.route.TopologyAwareRouter} (the fast path for fat-trees and leaf-spines).
 */
package org.ebbflow.planner.route;
