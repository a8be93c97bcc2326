/**
 * JMH benchmarks of the path planner: full planning cycles on k=16 and k=48 fat-trees with 100,000 random demands,
 * against the targets of issue 5 (k=16 at most 50 ms, k=48 at most 1 s per plan).
 */
package org.ebbflow.bench.planner;
