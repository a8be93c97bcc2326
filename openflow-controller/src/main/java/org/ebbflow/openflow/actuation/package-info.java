/**
 * Actuation primitives: ebbflow-tagged flow rules installed and removed by cookie, barriers, make-before-break, and
 * port administrative state (sleep and wake) with PortMod.
 */
package org.ebbflow.openflow.actuation;
