package org.ebbflow.planner.policy;

/** What a power decision says about one switch or cable. Routers read it as a cost tier. */
public enum ElementDirective {
    /** Must be awake after the plan: connectivity floor, forecast capacity, or the minimum dwell after a wake. */
    REQUIRED,
    /** May sleep: awake after the plan only if a route uses it. */
    OPTIONAL,
    /** Went to sleep less than the minimum dwell ago: a router wakes it only when nothing else fits. */
    HELD_ASLEEP,
    /** Failed or administratively down: never used, never woken or slept by ebbflow. */
    UNAVAILABLE
}
