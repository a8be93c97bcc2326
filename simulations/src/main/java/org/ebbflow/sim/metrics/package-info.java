/** Per-policy metrics: power model, energy, SLA, utilisation quantiles, transitions, per-step series. */
package org.ebbflow.sim.metrics;
