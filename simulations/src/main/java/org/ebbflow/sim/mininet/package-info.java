/**
 * Mininet runs driven from Java: {@link org.ebbflow.sim.mininet.MininetRunner} starts one of the Python topology
 * scripts of {@code simulations/mininet/}, talks to it over its line protocol with timeouts on both sides, and
 * removes exactly what it created.
 */
package org.ebbflow.sim.mininet;
