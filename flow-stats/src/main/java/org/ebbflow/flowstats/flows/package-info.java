/**
 * Flow tables: what each switch's flow entries match, do and count, their rates, and the host-to-host demand they
 * reveal.
 *
 * <ul>
 *   <li>Values: {@link org.ebbflow.flowstats.flows.FlowMatch} (OpenFlow 1.3 OXM fields, canonical text form and
 *       parser), {@link org.ebbflow.flowstats.flows.FlowEntry}, {@link org.ebbflow.flowstats.flows.FlowKey} (a
 *       flow's OpenFlow identity), {@link org.ebbflow.flowstats.flows.FlowTableSnapshot} (one switch's table at a
 *       receive time).</li>
 *   <li>Ownership: {@link org.ebbflow.flowstats.flows.EbbflowCookie} lays out ebbflow's cookies (tag, rule kind,
 *       path or demand id, generation) so its rules are told apart from others' and a whole path is deleted with one
 *       cookie-masked request ({@link org.ebbflow.flowstats.flows.CookieFilter}).</li>
 *   <li>Rates: {@link org.ebbflow.flowstats.flows.FlowRateTracker} differences consecutive snapshots into
 *       {@link org.ebbflow.flowstats.flows.FlowRates} with counter semantics (re-installation as a new epoch, 64-bit
 *       wrap, duplicates and reordering dropped and counted).</li>
 *   <li>Demand: {@link org.ebbflow.flowstats.flows.TrafficMatrixEstimator} attributes flow rates on access switches
 *       to host pairs, counting each flow once at its ingress, into a sparse
 *       {@link org.ebbflow.flowstats.flows.TrafficMatrix} that also reports what it could not attribute.</li>
 * </ul>
 * Rates are in bits per second ({@code ...Bps}), times in milliseconds on the controller's clock unless a name says
 * nanoseconds. Nothing here depends on a controller: adapters in onos-app and openflow-controller fill these values.
 */
package org.ebbflow.flowstats.flows;
