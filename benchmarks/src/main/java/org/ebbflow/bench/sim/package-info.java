/**
 * Simulator scale measurements: wall time of simulated hours on fat-trees of growing k.
 */
package org.ebbflow.bench.sim;
