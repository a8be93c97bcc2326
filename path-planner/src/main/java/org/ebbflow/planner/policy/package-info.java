/**
 * Sleep and wake policies: from forecast upper bounds per link (or current loads, for the reactive baseline) decide
 * which switches and links are required awake, which the router may use or let sleep, and which stay asleep for
 * their minimum dwell time, always keeping a connectivity floor so that no host pair the full topology connects is
 * ever partitioned.
 */
package org.ebbflow.planner.policy;
