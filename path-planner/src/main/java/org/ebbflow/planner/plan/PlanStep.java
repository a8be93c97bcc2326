package org.ebbflow.planner.plan;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One stage of a plan's execution, in make-before-break order: wake what the new paths need, wait until it forwards,
 * install the new rules, remove the old ones, then put to sleep what nothing uses any more. Immutable.
 */
public final class PlanStep {
    /** The stages, in execution order. */
    public enum Kind {
        /** Wake switches and cables ({@link #transitions()}). */
        WAKE,
        /** Wait {@link #waitMillis()} for the woken switches to forward. */
        AWAIT_WAKE,
        /** Install new rules ({@link #rules()}), each demand's from egress back to ingress. */
        INSTALL_RULES,
        /** Remove rules no longer used ({@link #rules()}). */
        REMOVE_RULES,
        /** Put cables, then switches, to sleep ({@link #transitions()}). */
        SLEEP
    }

    private final Kind kind;
    private final List<PowerTransition> transitions;
    private final List<FlowRule> rules;
    private final long waitMillis;

    private PlanStep(Kind kind, List<PowerTransition> transitions, List<FlowRule> rules, long waitMillis) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.transitions = transitions;
        this.rules = rules;
        this.waitMillis = waitMillis;
    }

    static PlanStep power(Kind kind, List<PowerTransition> transitions) {
        return new PlanStep(kind, Collections.unmodifiableList(transitions), Collections.emptyList(), 0);
    }

    static PlanStep await(long millis) {
        return new PlanStep(Kind.AWAIT_WAKE, Collections.emptyList(), Collections.emptyList(), millis);
    }

    static PlanStep rules(Kind kind, List<FlowRule> rules) {
        return new PlanStep(kind, Collections.emptyList(), rules, 0);
    }

    /** @return the stage */
    public Kind kind() {
        return kind;
    }

    /** @return the power transitions of a {@code WAKE} or {@code SLEEP} step, else empty */
    public List<PowerTransition> transitions() {
        return transitions;
    }

    /** @return the rules of an {@code INSTALL_RULES} or {@code REMOVE_RULES} step, else empty */
    public List<FlowRule> rules() {
        return rules;
    }

    /** @return milliseconds to wait in an {@code AWAIT_WAKE} step, else 0 */
    public long waitMillis() {
        return waitMillis;
    }

    @Override
    public String toString() {
        switch (kind) {
            case AWAIT_WAKE:
                return kind + " " + waitMillis + " ms";
            case INSTALL_RULES:
            case REMOVE_RULES:
                return kind + " " + rules.size() + " rules";
            default:
                return kind + " " + transitions.size() + " elements";
        }
    }
}
