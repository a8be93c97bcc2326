/**
 * Flow-level data-center simulator, experiments and Mininet runs (placeholder until its issue lands).
 */
package org.ebbflow.sim;
