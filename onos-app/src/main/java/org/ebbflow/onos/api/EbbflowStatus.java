package org.ebbflow.onos.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one node of ebbflow sees and does, as plain JSON-able values. Keys: {@code node}, {@code leader},
 * {@code isLeader}, {@code enabled}, {@code dryRun}, {@code predictor}, {@code predictorMode} ({@code in-bundle},
 * {@code remote}, {@code baseline-fallback}), {@code predictorFallbacks}, {@code switches}, {@code links},
 * {@code hosts}, {@code asleepSwitches}, {@code asleepCables}, {@code overrides}, {@code demands}, {@code cycles},
 * {@code lastCycleAtMillis}, {@code lastCycleMillis}, {@code lastOutcome}, {@code lastError}, {@code samples}
 * (counter samples per outcome). Immutable.
 */
public final class EbbflowStatus {
    private final Map<String, Object> values;

    private EbbflowStatus(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return a status holding these values (copied) */
    public static EbbflowStatus of(Map<String, Object> values) {
        return new EbbflowStatus(values);
    }

    /** @return true if this node is the leader, the only one that acts */
    public boolean isLeader() {
        return Boolean.TRUE.equals(values.get("isLeader"));
    }

    /** @return a value by key, or null */
    public Object get(String key) {
        return values.get(key);
    }

    /** @return every value, unmodifiable */
    public Map<String, Object> toMap() {
        return values;
    }

    @Override
    public String toString() {
        return "EbbflowStatus" + values;
    }
}
