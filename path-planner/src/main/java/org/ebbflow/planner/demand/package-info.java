/**
 * Traffic demands between hosts (or between switches on host-less topologies), their classes and per-class
 * utilisation caps, the seeded random generator behind {@code random:pairs=N,seed=S,load=L,locality=...}, and readers
 * for CSV and SNDlib demand matrices. Rates are bits per second.
 */
package org.ebbflow.planner.demand;
