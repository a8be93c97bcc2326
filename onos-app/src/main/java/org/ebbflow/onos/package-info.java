/**
 * ebbflow as an ONOS 2.7 application: {@link org.ebbflow.onos.api} is the OSGi service other bundles, the Karaf
 * commands ({@link org.ebbflow.onos.cli}) and the REST API ({@link org.ebbflow.onos.rest}) use;
 * {@link org.ebbflow.onos.impl} adapts ONOS's services to ebbflow's core and actuates its plans.
 */
package org.ebbflow.onos;
