package org.ebbflow.planner.optimal;

import org.ebbflow.planner.plan.Plan;

/** A plan whose routing is the MILP's, with the solve's status and bound. Immutable. */
public final class OptimalPlan {
    private final Plan plan;
    private final MilpSolve solve;

    OptimalPlan(Plan plan, MilpSolve solve) {
        this.plan = plan;
        this.solve = solve;
    }

    /** @return the plan (routing, power states, transitions) */
    public Plan plan() {
        return plan;
    }

    /** @return watts the plan draws: the optimum if {@link #status()} is OPTIMAL, else an upper bound on it */
    public double watts() {
        return plan.powerAfter().currentWatts();
    }

    /** @return a proven lower bound on the optimum in watts (NaN if the solver proved none) */
    public double boundWatts() {
        return solve.boundWatts();
    }

    /** @return how the solve ended */
    public SolveStatus status() {
        return solve.status();
    }

    /** @return the solve's statistics */
    public MilpSolve solve() {
        return solve;
    }

    @Override
    public String toString() {
        return "OptimalPlan{" + watts() + " W, " + solve + "}";
    }
}
