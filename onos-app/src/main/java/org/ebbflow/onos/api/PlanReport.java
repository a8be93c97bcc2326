package org.ebbflow.onos.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one planning cycle decided and what became of it, as plain JSON-able values (it is stored in the cluster as
 * JSON, so every node reports the same plan). Keys: {@code atMillis}, {@code node}, {@code policy}, {@code router},
 * {@code predictor}, {@code dryRun}, {@code outcome} (see {@link #outcome()}), {@code switches}, {@code awakeSwitches},
 * {@code asleepSwitches}, {@code asleepCables}, {@code wattsBefore}, {@code wattsAfter}, {@code allOnWatts},
 * {@code savedFraction}, {@code maxLinkUtilisation}, {@code refused}, {@code wakes}, {@code sleeps} (element lists),
 * {@code rulesAdded}, {@code rulesRemoved}, {@code actions} (the actuation in execution order, one line each),
 * {@code violations}. Immutable.
 */
public final class PlanReport {
    /** Outcome: the plan was applied to the network. */
    public static final String APPLIED = "applied";
    /**
     * Outcome while the plan is being applied: woken ports are coming up, or ONOS has not yet confirmed the rules.
     * The report in the cluster store is replaced by the final outcome once it is known.
     */
    public static final String APPLYING = "applying";
    /** Outcome: computed only (dry run, or the app is in dry-run mode). */
    public static final String DRY_RUN = "dry-run";
    /** Outcome: this node is not the leader, so it applied nothing. */
    public static final String NOT_LEADER = "not-leader";

    private final Map<String, Object> values;

    private PlanReport(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return a report holding these values (copied) */
    public static PlanReport of(Map<String, Object> values) {
        return new PlanReport(values);
    }

    /**
     * @return {@link #APPLIED}, {@link #APPLYING}, {@link #DRY_RUN}, {@link #NOT_LEADER}, or a reason the plan was
     *     not applied ({@code deferred: ...}, {@code failed: ...}, {@code busy: ...}, {@code aborted: ...})
     */
    public String outcome() {
        return String.valueOf(values.get("outcome"));
    }

    /** @return the plan's time, epoch milliseconds */
    public long atMillis() {
        Object v = values.get("atMillis");
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }

    /** @return elements woken, in order */
    public List<String> wakes() {
        return strings("wakes");
    }

    /** @return elements put to sleep, in order */
    public List<String> sleeps() {
        return strings("sleeps");
    }

    /** @return the actuation, one line per action, in execution order */
    public List<String> actions() {
        return strings("actions");
    }

    /** @return broken safety invariants; empty if the plan verified */
    public List<String> violations() {
        return strings("violations");
    }

    /** @return a value by key, or null */
    public Object get(String key) {
        return values.get(key);
    }

    /** @return every value, unmodifiable, in report order */
    public Map<String, Object> toMap() {
        return values;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String key) {
        Object v = values.get(key);
        return v instanceof List ? Collections.unmodifiableList((List<String>) v) : Collections.emptyList();
    }

    @Override
    public String toString() {
        return "PlanReport" + values;
    }
}
