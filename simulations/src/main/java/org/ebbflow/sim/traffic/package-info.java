/**
 * Simulated traffic: synthetic container traffic from published data-center facts (flow-size CDFs, Poisson arrivals,
 * lognormal ON/OFF, locality, diurnal envelope, surges, task classes) and replays of recorded demand matrices (Abilene,
 * Facebook pods), all aggregated into per-step host-pair demands in primitive arrays. Deterministic for a seed.
 */
package org.ebbflow.sim.traffic;
