package org.ebbflow.sim.control;

/**
 * The baseline every saving is measured against: everything stays awake and traffic takes ECMP shortest paths
 * over the whole network. Decides once (ECMP over everything) and then changes nothing.
 */
public final class AlwaysOnPolicy implements ControlPolicy {
    /** The name in reports and on the command line. */
    public static final String NAME = "always-on";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ControlDecision decide(ControlCycle cycle) {
        return ControlDecision.keepAll();
    }
}
