/**
 * One control cycle, the same in the ONOS app, the standalone controller and the simulator: the production
 * statistics become link feature windows, the predictor forecasts them, and the {@link org.ebbflow.planner.plan.Planner}
 * turns the forecast (or, without a predictor, the last measured loads) into a {@link org.ebbflow.planner.plan.Plan}.
 * {@link org.ebbflow.planner.cycle.ControlLoop} keeps what must survive between cycles: the policy's memory and the
 * previous plan.
 */
package org.ebbflow.planner.cycle;
