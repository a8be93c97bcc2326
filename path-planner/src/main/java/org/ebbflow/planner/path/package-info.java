/**
 * Shortest and k-shortest paths over a snapshot's int-indexed links, organised like JGraphT: one interface per
 * problem ({@link org.ebbflow.planner.path.PathComputer}, {@link org.ebbflow.planner.path.KPathComputer}), algorithm
 * objects bound to a topology and a {@link org.ebbflow.planner.path.LinkWeigher} in their constructor, and costs as
 * weighers rather than mutated graphs, after ONOS's {@code LinkWeigher}: a sleeping or failed link simply has a
 * non-viable weight.
 */
package org.ebbflow.planner.path;
