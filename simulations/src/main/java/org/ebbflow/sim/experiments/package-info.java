/**
 * The experiments of {@code simulations/experiments/}: energy against load per locality, the diurnal and surge days,
 * and scale; each run is a full simulation with its report, and each experiment writes a summary CSV and a plot.
 */
package org.ebbflow.sim.experiments;
