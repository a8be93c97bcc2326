/**
 * Standalone OpenFlow 1.3 controller (placeholder until its issue lands).
 */
package org.ebbflow.openflow;
