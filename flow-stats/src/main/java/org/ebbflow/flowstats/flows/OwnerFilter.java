package org.ebbflow.flowstats.flows;

/** Which flows to consider by owner, told apart by cookie ({@link EbbflowCookie#isEbbflow}). */
public enum OwnerFilter {
    /** Every flow. */
    ALL,
    /** Only flows whose cookie carries ebbflow's tag. */
    EBBFLOW,
    /** Only flows installed by others (other controllers' apps, static rules, the switch's defaults). */
    FOREIGN;

    /** @return true if a flow with this cookie passes the filter */
    public boolean accepts(long cookie) {
        switch (this) {
            case EBBFLOW:
                return EbbflowCookie.isEbbflow(cookie);
            case FOREIGN:
                return !EbbflowCookie.isEbbflow(cookie);
            default:
                return true;
        }
    }
}
