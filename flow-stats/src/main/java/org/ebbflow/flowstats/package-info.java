/**
 * Port counters to per-port rate series: {@link org.ebbflow.flowstats.PortCounterSample}s are checked and differenced
 * by a {@link org.ebbflow.flowstats.CounterTracker} (64-bit wrap, resets as new epochs, gaps, duplicates, reordering,
 * bad input rejected and counted) into a bounded, primitive-array {@link org.ebbflow.flowstats.SeriesStore}.
 */
package org.ebbflow.flowstats;
