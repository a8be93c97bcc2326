/**
 * Port counters and flow tables to per-port series, rates and normalised features (placeholder until its issue lands).
 */
package org.ebbflow.flowstats;
