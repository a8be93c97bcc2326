package org.ebbflow.onos.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An {@link EbbflowService} with canned answers that records every call, for the REST and CLI tests. */
public class StubEbbflowService implements EbbflowService {
    /** Calls in order: "plan dry=true", "sleep X", "setDemands 2", ... */
    public final List<String> calls = new ArrayList<>();
    public PlanReport current;
    public final List<LinkForecast> forecasts = new ArrayList<>();
    public List<DeclaredDemand> demands = new ArrayList<>();
    public final Map<String, String> overrides = new TreeMap<>();

    /** @return a plan report with the keys the REST and CLI read */
    public static PlanReport report(String outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("atMillis", 1_700_000_000_000L);
        m.put("node", "a");
        m.put("policy", "forecast-threshold");
        m.put("outcome", outcome);
        m.put("switches", 4);
        m.put("awakeSwitches", 3);
        m.put("asleepSwitches", 1);
        m.put("wattsBefore", 400.0);
        m.put("wattsAfter", 310.5);
        m.put("allOnWatts", 400.0);
        m.put("savedFraction", 0.22375);
        m.put("maxLinkUtilisation", 0.5);
        m.put("wakes", List.of());
        m.put("sleeps", List.of("of:0000000000000002"));
        m.put("actions", List.of("stage 1: install 3 rules", "disable of:0000000000000002/1"));
        return PlanReport.of(m);
    }

    @Override
    public EbbflowStatus status() {
        calls.add("status");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", "a");
        m.put("isLeader", true);
        m.put("asleepSwitches", 1);
        m.put("predictor", "ewma");
        return EbbflowStatus.of(m);
    }

    @Override
    public PlanReport currentPlan() {
        calls.add("currentPlan");
        return current;
    }

    @Override
    public PlanReport plan(boolean dryRun) {
        calls.add("plan dry=" + dryRun);
        return report(dryRun ? PlanReport.DRY_RUN : PlanReport.APPLIED);
    }

    @Override
    public List<LinkForecast> forecasts() {
        calls.add("forecasts");
        return forecasts;
    }

    @Override
    public String sleep(String element) {
        return pin(element, "asleep");
    }

    @Override
    public String wake(String element) {
        return pin(element, "awake");
    }

    private String pin(String element, String state) {
        calls.add(state + " " + element);
        if (!element.startsWith("of:")) {
            throw new IllegalArgumentException("unknown element: " + element);
        }
        overrides.put(element, state);
        return element + " pinned " + state;
    }

    @Override
    public String release(String element) {
        calls.add("release " + element);
        return overrides.remove(element) == null ? element + " had no override" : element + " released";
    }

    @Override
    public Map<String, String> overrides() {
        return overrides;
    }

    @Override
    public List<DeclaredDemand> demands() {
        return demands;
    }

    @Override
    public void setDemands(List<DeclaredDemand> newDemands) {
        calls.add("setDemands " + newDemands.size());
        demands = new ArrayList<>(newDemands);
    }
}
