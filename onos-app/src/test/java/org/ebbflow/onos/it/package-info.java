/** The bundle in a real Apache Felix framework with SCR and ONOS 2.7's bundle set. */
package org.ebbflow.onos.it;
