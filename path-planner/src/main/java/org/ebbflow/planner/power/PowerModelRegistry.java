package org.ebbflow.planner.power;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Power models by key, with a fallback for switches whose key the registry does not know. Immutable.
 *
 * <h2>Defaults ({@link #defaults()})</h2>
 * Published figures for a 48-port data-center switch: idle (chassis) 70–150 W and 1–2 W per active port (Mahadevan
 * et al., "A Power Benchmarking Framework for Network Devices", IFIP Networking 2009, as summarised in the CARPO
 * slides; anchors §1). ElasticTree's own 48-port 1 GbE measurement (about 151 W with every port disabled, about 184 W
 * with all at 1 Gb/s) sits at the top of that idle range with well under 1 W per port.
 * <ul>
 *   <li>{@value #GENERIC_48P} (the fallback and {@link SwitchInfo#DEFAULT_POWER_MODEL}): 150 W chassis, 1 W per port:
 *   the chassis-heavy corner, close to ElasticTree's own switch. With it a k=4 fat-tree keeps at least 64.6% of its
 *   all-on power when every host stays reachable (anchors §6), which the tests check.</li>
 *   <li>{@value #GENERIC_48P_LEAN}: 70 W chassis, 2 W per port: the port-heavy corner, for sensitivity runs.</li>
 * </ul>
 * Both sleep at {@value #DEFAULT_SLEEP_WATTS} W: ElasticTree powers unneeded switches off rather than into a standby
 * state, and we report savings on the same footing; a model with a standby figure can be registered when a switch is
 * known to draw one. Both wake in {@value #DEFAULT_WAKE_LATENCY_MILLIS} ms: an assumption, not a measured figure (no
 * published boot time was found); it sets the policies' wake lead time, so configure it per switch model.
 */
public final class PowerModelRegistry {
    /** Key of the default 48-port model. */
    public static final String GENERIC_48P = SwitchInfo.DEFAULT_POWER_MODEL;
    /** Key of the lean 48-port model (low chassis, high per-port figure). */
    public static final String GENERIC_48P_LEAN = "generic-48p-lean";
    /** Watts drawn by a sleeping switch in the default models. */
    public static final double DEFAULT_SLEEP_WATTS = 0;
    /** Wake latency of the default models, milliseconds (an assumption; see the class comment). */
    public static final long DEFAULT_WAKE_LATENCY_MILLIS = 30_000;

    private static final PowerModelRegistry DEFAULTS = builder()
            .add(SwitchPowerModel.of(GENERIC_48P, 150, 1, DEFAULT_SLEEP_WATTS, DEFAULT_WAKE_LATENCY_MILLIS))
            .add(SwitchPowerModel.of(GENERIC_48P_LEAN, 70, 2, DEFAULT_SLEEP_WATTS, DEFAULT_WAKE_LATENCY_MILLIS))
            .fallback(GENERIC_48P)
            .build();

    private final Map<String, SwitchPowerModel> models;
    private final SwitchPowerModel fallback;

    private PowerModelRegistry(Builder b) {
        this.models = Collections.unmodifiableMap(new TreeMap<>(b.models));
        if (b.fallbackKey != null && !models.containsKey(b.fallbackKey)) {
            throw new IllegalArgumentException("fallback power model '" + b.fallbackKey + "' is not registered");
        }
        this.fallback = b.fallbackKey == null ? null : models.get(b.fallbackKey);
    }

    /** @return the registry with {@value #GENERIC_48P} (fallback) and {@value #GENERIC_48P_LEAN} */
    public static PowerModelRegistry defaults() {
        return DEFAULTS;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this registry's models and fallback, to add or replace models */
    public Builder toBuilder() {
        Builder b = new Builder();
        models.values().forEach(b::add);
        return b.fallback(fallback == null ? null : fallback.key());
    }

    /** @return the models by key, sorted, unmodifiable */
    public Map<String, SwitchPowerModel> models() {
        return models;
    }

    /** @return the model used for unknown keys, or null if unknown keys are an error */
    public SwitchPowerModel fallback() {
        return fallback;
    }

    /**
     * @param key a power model key
     * @return its model, or the fallback if the key is unknown
     * @throws IllegalArgumentException if the key is unknown and there is no fallback
     */
    public SwitchPowerModel modelFor(String key) {
        SwitchPowerModel m = models.get(key);
        if (m != null) {
            return m;
        }
        if (fallback == null) {
            throw new IllegalArgumentException("unknown power model '" + key + "' (known: " + models.keySet() + ")");
        }
        return fallback;
    }

    /** @return the model of the switch's {@link SwitchInfo#powerModelKey()} */
    public SwitchPowerModel modelFor(SwitchInfo sw) {
        return modelFor(sw.powerModelKey());
    }

    /**
     * Resolves every switch's model once, for planners that ask per switch in inner loops. O(switches).
     *
     * @return per-switch figures indexed like the snapshot's switches
     */
    public SwitchPowerTable resolve(TopologySnapshot topology) {
        return new SwitchPowerTable(topology, this);
    }

    @Override
    public String toString() {
        return "PowerModelRegistry" + models.values() + (fallback == null ? "" : ", fallback " + fallback.key());
    }

    /** Collects models; a later model with the same key replaces the earlier one. */
    public static final class Builder {
        private final Map<String, SwitchPowerModel> models = new TreeMap<>();
        private String fallbackKey;

        private Builder() {
        }

        /** @param model a model, replacing any with the same key */
        public Builder add(SwitchPowerModel model) {
            models.put(Objects.requireNonNull(model, "model").key(), model);
            return this;
        }

        /** @param key the key used for unknown switches, or null to make unknown keys an error */
        public Builder fallback(String key) {
            this.fallbackKey = key;
            return this;
        }

        /**
         * @return the registry
         * @throws IllegalArgumentException if the fallback key is not registered
         */
        public PowerModelRegistry build() {
            return new PowerModelRegistry(this);
        }
    }
}
