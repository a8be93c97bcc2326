/**
 * The ebbflow ONOS service and the plain values it returns: status, plan reports, link forecasts, declared
 * demands. No ONOS or ebbflow-core types, so other bundles can use it without importing either.
 */
package org.ebbflow.onos.api;
