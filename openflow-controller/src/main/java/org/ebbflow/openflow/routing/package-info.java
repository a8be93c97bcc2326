/**
 * The phase-1 proactive router: destination-based IPv4 rules along shortest paths (destination-hashed ECMP),
 * recomputed on topology changes and installed make-before-break.
 */
package org.ebbflow.openflow.routing;
