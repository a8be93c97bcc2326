/**
 * Run outputs: the timestamped results folder, raw CSV and JSON, port series in ebbflow's export format, PNG plots
 * (XChart), a self-contained HTML report and a console progress line.
 */
package org.ebbflow.sim.report;
