/**
 * Standalone OpenFlow 1.3 controller on Netty and openflowj: {@link org.ebbflow.openflow.OpenFlowController} wires
 * the switch channels, discovery, statistics polling, the proactive router and the actuation primitives together.
 */
package org.ebbflow.openflow;
