/** Port and flow statistics polled from the switches into flow-stats, once per control cycle. */
package org.ebbflow.openflow.stats;
