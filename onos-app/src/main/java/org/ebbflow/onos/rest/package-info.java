/** The REST API under {@code /onos/ebbflow}: status, current plan, power report, forecasts, demands. */
package org.ebbflow.onos.rest;
