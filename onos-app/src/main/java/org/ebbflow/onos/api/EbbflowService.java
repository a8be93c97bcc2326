package org.ebbflow.onos.api;

import java.util.List;
import java.util.Map;

/**
 * ebbflow inside ONOS: what it knows, what it planned, and the operator's overrides. Elements are named as ONOS names
 * them: a switch by its device id ({@code of:0000000000000001}), a cable by one of its directions
 * ({@code of:0000000000000001/1-of:0000000000000002/3}). Thread-safe.
 */
public interface EbbflowService {
    /** @return what this node sees and does now */
    EbbflowStatus status();

    /** @return the plan the leader last applied (from the cluster store, so the same on every node), or null */
    PlanReport currentPlan();

    /**
     * Runs one planning cycle now.
     *
     * @param dryRun true to compute and report the plan without touching the network (any node); false to apply
     *     it, which only the leader does (other nodes return a report saying so, and change nothing)
     * @return the plan's report
     */
    PlanReport plan(boolean dryRun);

    /** @return the last cycle's forecast per link, highest forecast utilisation first; empty before a forecast */
    List<LinkForecast> forecasts();

    /**
     * Operator override: puts a switch or cable to sleep now (by the leader) and keeps it asleep: the planner never
     * wakes or uses it until {@link #release} or {@link #wake}.
     *
     * @param element a device id or a cable
     * @return what was recorded, one line
     * @throws IllegalArgumentException if the element is malformed or unknown
     */
    String sleep(String element);

    /**
     * Operator override: wakes a switch or cable now (by the leader) and keeps it awake: the planner may route over
     * it but never puts it to sleep until {@link #release}.
     *
     * @throws IllegalArgumentException if the element is malformed or unknown
     */
    String wake(String element);

    /**
     * Drops the operator's override of an element: the planner decides again (an element the operator put to sleep
     * stays asleep until the planner wakes it).
     *
     * @return what changed, one line
     */
    String release(String element);

    /** @return the operator's overrides: element to {@code asleep} or {@code awake} */
    Map<String, String> overrides();

    /** @return the demands declared for planning */
    List<DeclaredDemand> demands();

    /**
     * Replaces the declared demands (stored in the cluster, so every node and the next leader plan with them).
     *
     * @param demands the new set, possibly empty
     */
    void setDemands(List<DeclaredDemand> demands);
}
