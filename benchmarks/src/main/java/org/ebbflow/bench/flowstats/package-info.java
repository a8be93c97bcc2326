/** Benchmarks of counter ingestion into the per-port series store, and its memory footprint at k=48. */
package org.ebbflow.bench.flowstats;
