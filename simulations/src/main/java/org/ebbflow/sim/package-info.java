/**
 * The flow-level data-center simulator: discrete steps of one polling interval, traffic routed on each policy's
 * current paths, real counter semantics fed through the production topology manager and statistics collector, the
 * policies' decisions applied with a wake latency, metrics per policy. Mininet runs live in
 * {@code org.ebbflow.sim.mininet}.
 */
package org.ebbflow.sim;
