/**
 * Discovery on live switches: switch and port events, LLDP link discovery, hosts learned from ARP and IPv4 at edge
 * ports, and ARP answered by the controller; everything reported through a
 * {@link org.ebbflow.topology.discovery.DiscoveryEventSink}.
 */
package org.ebbflow.openflow.discovery;
