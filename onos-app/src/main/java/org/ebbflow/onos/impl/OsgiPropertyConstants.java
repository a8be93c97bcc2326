package org.ebbflow.onos.impl;

/** Names and defaults of the {@link EbbflowManager} component's properties ({@code cfg set org.ebbflow.onos.impl.EbbflowManager ...}). */
public final class OsgiPropertyConstants {
    public static final String ENABLED = "enabled";
    public static final boolean ENABLED_DEFAULT = true;

    public static final String DRY_RUN = "dryRun";
    public static final boolean DRY_RUN_DEFAULT = false;

    public static final String STATS_STEP_MILLIS = "statsStepMillis";
    public static final int STATS_STEP_MILLIS_DEFAULT = 5000;

    public static final String PLAN_PERIOD_SECONDS = "planPeriodSeconds";
    public static final int PLAN_PERIOD_SECONDS_DEFAULT = 10;

    public static final String POLICY = "policy";
    public static final String POLICY_DEFAULT = "forecast-threshold";

    public static final String LOW_WATER = "lowWater";
    public static final double LOW_WATER_DEFAULT = 0.4;

    public static final String HIGH_WATER = "highWater";
    public static final double HIGH_WATER_DEFAULT = 0.8;

    public static final String MIN_DWELL_SECONDS = "minDwellSeconds";
    public static final int MIN_DWELL_SECONDS_DEFAULT = 600;

    public static final String MODEL_PATH = "modelPath";
    public static final String MODEL_PATH_DEFAULT = "default";

    public static final String FALLBACK_BASELINE = "fallbackBaseline";
    public static final String FALLBACK_BASELINE_DEFAULT = "ewma";

    public static final String FLOW_PRIORITY = "flowPriority";
    public static final int FLOW_PRIORITY_DEFAULT = 40000;

    public static final String OBSERVE_FLOWS = "observeFlows";
    public static final boolean OBSERVE_FLOWS_DEFAULT = true;

    private OsgiPropertyConstants() {
    }
}
