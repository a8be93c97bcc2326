package org.ebbflow.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ebbflow.planner.policy.AlwaysOnPolicy;
import org.ebbflow.planner.policy.ForecastThresholdPolicy;
import org.ebbflow.planner.policy.PowerPolicy;
import org.ebbflow.planner.policy.ReactivePolicy;
import org.ebbflow.planner.route.DemandRouter;
import org.ebbflow.planner.route.EcmpRouter;
import org.ebbflow.planner.route.GreedyBinPackingRouter;
import org.ebbflow.planner.route.TopologyAwareRouter;

/** The policy and router pairs compared side by side, by the names the {@code plan} command accepts. */
public enum Strategy {
    /** Every element awake, ECMP paths: the network without energy management. */
    ALWAYS_ON("always-on") {
        @Override
        PowerPolicy policy() {
            return new AlwaysOnPolicy();
        }

        @Override
        DemandRouter router() {
            return new EcmpRouter();
        }
    },
    /** ElasticTree as published: current load, greedy bin-packing, no forecast. */
    ELASTIC_TREE("elastic-tree") {
        @Override
        PowerPolicy policy() {
            return new ReactivePolicy();
        }

        @Override
        DemandRouter router() {
            return new GreedyBinPackingRouter();
        }
    },
    /** Forecast-driven policy with the greedy bin-packer: any topology. */
    GREEDY("greedy") {
        @Override
        PowerPolicy policy() {
            return new ForecastThresholdPolicy();
        }

        @Override
        DemandRouter router() {
            return new GreedyBinPackingRouter();
        }
    },
    /** Forecast-driven policy with the fast fat-tree/leaf-spine router. */
    TOPOLOGY_AWARE("topology-aware") {
        @Override
        PowerPolicy policy() {
            return new ForecastThresholdPolicy();
        }

        @Override
        DemandRouter router() {
            return new TopologyAwareRouter();
        }
    };

    private final String token;

    Strategy(String token) {
        this.token = token;
    }

    abstract PowerPolicy policy();

    abstract DemandRouter router();

    /** @return the name used on the command line */
    public String token() {
        return token;
    }

    /** @return a new planner with this strategy's policy and router and default caps and power models */
    public Planner planner() {
        return new Planner(policy(), router());
    }

    /**
     * @param text a strategy name, case-insensitive
     * @throws IllegalArgumentException naming the valid strategies
     */
    public static Strategy parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<String> valid = new ArrayList<>();
        for (Strategy s : values()) {
            if (s.token.equals(t)) {
                return s;
            }
            valid.add(s.token);
        }
        throw new IllegalArgumentException("unknown strategy '" + text + "' (valid: " + String.join(", ", valid) + ")");
    }
}
