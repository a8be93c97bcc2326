/**
 * Demand routers: place every demand on a path within its class's utilisation cap, admit guaranteed demands only
 * where their reservation fits, prefer elements the power decision requires awake and wake optional ones only when
 * needed. Implementations: {@link org.ebbflow.planner.route.EcmpRouter} (the always-on baseline),
 * {@link org.ebbflow.planner.route.GreedyBinPackingRouter} (ElasticTree's greedy bin-packer for any topology) and
 * {@link org.ebbflow.planner.route.TopologyAwareRouter} (the fast path for fat-trees and leaf-spines). Given the
 * previous cycle's routing ({@link org.ebbflow.planner.route.RoutingRequest#previous()}), every router keeps each
 * demand's path while it still fits and moves it only when it must or when that lets an element sleep
 * ({@code Stability}).
 */
package org.ebbflow.planner.route;
