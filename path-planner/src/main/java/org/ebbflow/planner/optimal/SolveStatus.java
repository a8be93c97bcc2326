package org.ebbflow.planner.optimal;

/** How a MILP solve ended. */
public enum SolveStatus {
    /** Proven optimal (within the solver's relative gap tolerance). */
    OPTIMAL,
    /** The time limit hit with an incumbent: the objective is an upper bound, the best bound a lower bound. */
    FEASIBLE,
    /** The time limit hit before any incumbent: the routing fell back to the greedy router. */
    NO_SOLUTION,
    /** The model is infeasible (should not happen: every demand may be refused at a penalty). */
    INFEASIBLE,
    /** The solver failed. */
    ERROR;

    /** @return true if the MILP produced a routing of its own */
    public boolean hasSolution() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
