/**
 * The seam between the simulator and control policies: what a policy sees each cycle
 * ({@link org.ebbflow.sim.control.ControlCycle}), what it returns ({@link org.ebbflow.sim.control.ControlDecision}),
 * and the policies available by name.
 */
package org.ebbflow.sim.control;
