package org.ebbflow.sim.control;

import org.ebbflow.sim.traffic.DemandBatch;

/**
 * The true demands of the coming steps, for oracle policies: what will be offered, not what a controller could know.
 * Host numbers are the snapshot's.
 */
public interface Lookahead {
    /** @return how many future steps are available (at most the policy's {@link ControlPolicy#lookaheadSteps()}) */
    int steps();

    /**
     * @param ahead 1 for the step that starts now, up to {@link #steps()}
     * @return that step's demands, read-only (valid during this cycle only)
     */
    DemandBatch demands(int ahead);

    /** @return the start of that step, epoch milliseconds */
    long stepStartMillis(int ahead);

    /**
     * The true load of each link in that step: its demands routed on shortest paths over the whole network (ECMP).
     * On fat-trees and leaf-spines the sums a policy sizes groups by (pod in/out, edge or leaf up/down) are the same
     * however the demands are spread over shortest paths, so this is the perfect forecast of what counters will show.
     *
     * @param ahead 1 for the step that starts now, up to {@link #steps()}
     * @return bits per second per directed switch link, indexed like the cycle's snapshot; read-only
     */
    double[] linkLoadsBps(int ahead);
}
