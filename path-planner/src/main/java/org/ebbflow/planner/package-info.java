/**
 * Power model, sleep/wake policy, energy-aware routing and plans (placeholder until its issue lands).
 */
package org.ebbflow.planner;
