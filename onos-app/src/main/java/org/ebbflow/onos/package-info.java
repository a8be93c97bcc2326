/**
 * ebbflow as an ONOS 2.7 application (placeholder until its issue lands).
 */
package org.ebbflow.onos;
