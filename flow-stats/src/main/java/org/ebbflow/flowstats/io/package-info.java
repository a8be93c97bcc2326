/**
 * Readers of real counter data from files into the same series and rates the live path produces, with the same
 * counter semantics: {@link org.ebbflow.flowstats.io.AlibabaMachineUsageReader} for the Alibaba cluster-trace-v2018
 * {@code machine_usage} table (cumulative per-server NIC counters). Bad values are rejected with a reason and counted
 * ({@link org.ebbflow.flowstats.io.Rejection}); a broken file structure is a
 * {@link org.ebbflow.flowstats.io.TraceFormatException} naming file, line and field.
 */
package org.ebbflow.flowstats.io;
