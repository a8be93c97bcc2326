/** The few packet formats the controller reads and writes itself: Ethernet, ARP, IPv4 headers and LLDP probes. */
package org.ebbflow.openflow.packet;
