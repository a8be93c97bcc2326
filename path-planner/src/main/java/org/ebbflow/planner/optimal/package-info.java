/**
 * The exact minimum-power subset for small instances: a mixed-integer program (binary switch-on, cable-on and
 * unsplittable per-demand flow variables) solved by SCIP through OR-Tools' {@code MPSolver}. It is the limit the
 * heuristic routers are measured against. OR-Tools is an optional dependency of this module: only this package uses
 * it, and callers must put {@code com.google.ortools:ortools-java} on their class path.
 */
package org.ebbflow.planner.optimal;
