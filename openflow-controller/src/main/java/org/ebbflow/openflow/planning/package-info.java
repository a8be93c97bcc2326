/**
 * The planner inside the controller: every control period (and after topology changes) the demands observed in the
 * switches' flow counters go through {@link org.ebbflow.planner.cycle.ControlLoop} (link forecast, power policy,
 * router), and the resulting {@link org.ebbflow.planner.plan.Plan} is applied make-before-break through the
 * {@link org.ebbflow.openflow.actuation.SwitchProgrammer} and {@link org.ebbflow.openflow.actuation.PowerActuator}.
 * The planner's routers are the controller's only routing.
 */
package org.ebbflow.openflow.planning;
