/** Karaf commands of the ONOS CLI: {@code ebbflow-status}, {@code ebbflow-plan}, {@code ebbflow-sleep}, {@code ebbflow-wake}. */
package org.ebbflow.onos.cli;
