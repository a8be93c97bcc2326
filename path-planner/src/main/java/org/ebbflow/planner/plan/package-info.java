/**
 * Plans: the power-state changes and flow-rule differences one planning cycle produces, ordered make-before-break
 * (wake and wait, install new rules, remove old ones, then sleep), their diffs, the {@link
 * org.ebbflow.planner.plan.Planner} that runs a policy and a router to make them, and
 * {@link org.ebbflow.planner.plan.PlanVerifier}, which checks a plan's safety invariants.
 */
package org.ebbflow.planner.plan;
