/**
 * The path planner: what may sleep, what must wake, and which path each demand takes.
 *
 * <p>One planning cycle (see {@link org.ebbflow.planner.plan.Planner}): a
 * {@link org.ebbflow.planner.policy.PowerPolicy} turns forecast upper bounds per link into a {@link org.ebbflow.planner.policy.PowerDecision} (required, optional and
 * held-asleep elements, never a partition); a {@link org.ebbflow.planner.route.DemandRouter} places every
 * {@link org.ebbflow.planner.demand.Demand} within its class's utilisation cap, using optional elements only when it
 * has to; the {@link org.ebbflow.planner.plan.Plan} lists the power-state changes and flow-rule differences in
 * make-before-break order, and {@link org.ebbflow.planner.plan.PlanVerifier} checks its invariants.
 *
 * <p>Packages: {@code power} (power models and reports), {@code demand} (demands, classes, generators, readers),
 * {@code path} (weighers, shortest and k-shortest paths), {@code fabric} (fat-tree and leaf-spine layouts and
 * sizing), {@code policy} (sleep and wake policies), {@code route} (demand routers), {@code plan} (plans, diffs,
 * verification). The anchor throughout is ElasticTree (Heller et al., NSDI 2010).
 */
package org.ebbflow.planner;
