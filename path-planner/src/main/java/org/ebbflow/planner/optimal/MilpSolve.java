package org.ebbflow.planner.optimal;

/**
 * The outcome of one MILP solve. Watts are the model's (chassis, host and cable ports, sleep draw) and match
 * {@link org.ebbflow.planner.power.PowerReport#currentWatts()} of the plan built from the routing. Immutable.
 */
public final class MilpSolve {
    private final SolveStatus status;
    private final double objectiveWatts;
    private final double boundWatts;
    private final long solveMillis;
    private final int variables;
    private final int constraints;
    private final int refused;

    MilpSolve(SolveStatus status, double objectiveWatts, double boundWatts, long solveMillis, int variables,
              int constraints, int refused) {
        this.status = status;
        this.objectiveWatts = objectiveWatts;
        this.boundWatts = boundWatts;
        this.solveMillis = solveMillis;
        this.variables = variables;
        this.constraints = constraints;
        this.refused = refused;
    }

    /** @return how the solve ended */
    public SolveStatus status() {
        return status;
    }

    /** @return watts of the best routing found (refusal penalties excluded); NaN without a solution */
    public double objectiveWatts() {
        return objectiveWatts;
    }

    /** @return a proven lower bound on the watts of any routing that refuses no more demands; NaN if none */
    public double boundWatts() {
        return boundWatts;
    }

    /** @return wall-clock milliseconds spent building and solving the model */
    public long solveMillis() {
        return solveMillis;
    }

    /** @return number of model variables */
    public int variables() {
        return variables;
    }

    /** @return number of model constraints */
    public int constraints() {
        return constraints;
    }

    /** @return demands the solution refuses */
    public int refused() {
        return refused;
    }

    @Override
    public String toString() {
        return "MilpSolve{" + status + ", " + objectiveWatts + " W, bound " + boundWatts + " W, " + solveMillis
                + " ms, " + variables + " vars, " + constraints + " rows, " + refused + " refused}";
    }
}
