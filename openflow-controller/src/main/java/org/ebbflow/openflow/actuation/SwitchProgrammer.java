package org.ebbflow.openflow.actuation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;

/**
 * The actuation primitives of the OpenFlow controller: what a planner's plan is executed with. Every operation is
 * asynchronous and ends with a barrier on each switch it touched, so a completed future means the switches have
 * applied it; a future fails with {@link org.ebbflow.openflow.channel.SwitchUnavailableException} when a switch is
 * not connected or its connection closes, and with {@link org.ebbflow.openflow.channel.OpenFlowErrorException}
 * when a switch rejected a message. Nothing is rolled back on failure: callers re-verify against a fresh topology
 * snapshot and re-apply (installs and cookie deletes are idempotent).
 *
 * <p>Only ebbflow's own flows are ever removed: removal takes a {@link CookieFilter} whose mask covers the whole
 * 0xEBBF tag and whose cookie carries it, and is refused otherwise.
 */
public interface SwitchProgrammer {
    /**
     * Installs rules (adding, or replacing a rule with the same switch, priority and match in place), then a barrier
     * on each switch concerned.
     *
     * @param rules the rules, on any switches; empty completes at once
     */
    CompletableFuture<Void> install(Collection<FlowRule> rules);

    /**
     * Removes every flow of a switch that the filter selects (flow-delete by cookie and mask, all tables), then a
     * barrier.
     *
     * @throws IllegalArgumentException if the filter could select flows that are not ebbflow's
     */
    CompletableFuture<Void> remove(DatapathId dpid, CookieFilter filter);

    /**
     * Removes flows by cookie on several switches, then a barrier on each.
     *
     * @param removals per switch, the filters to delete by; every filter must be ebbflow-only
     * @throws IllegalArgumentException if a filter could select flows that are not ebbflow's
     */
    CompletableFuture<Void> remove(Map<DatapathId, ? extends Collection<CookieFilter>> removals);

    /** @return a future completed when every listed switch has processed everything sent to it before */
    CompletableFuture<Void> barrier(Collection<DatapathId> switches);

    /**
     * Make-before-break: installs the stages in order, each followed by barriers on its switches before the next
     * starts (order stages from the destination backwards, so no switch forwards onto a hop whose rule is not there
     * yet), and only then removes the old rules.
     *
     * @param stages the new rules (typically the next generation of paths), stage by stage; empty stages are skipped
     * @param removals per switch, the cookie filters of the old rules (typically the old generation's exact filter)
     * @return a future failing at the first stage that fails; later stages and the removals are then not sent
     */
    CompletableFuture<Void> makeBeforeBreak(List<? extends Collection<FlowRule>> stages,
                                            Map<DatapathId, ? extends Collection<CookieFilter>> removals);

    /**
     * Sets ports administratively up or down with PortMod (OFPPC_PORT_DOWN), sending each port's real hardware
     * address from its description, then a barrier on each switch. Down is how a software switch "sleeps".
     *
     * @param up true to bring the ports up, false to take them down
     * @throws IllegalArgumentException if a port is not described by its (connected) switch
     */
    CompletableFuture<Void> setPortsUp(Collection<ConnectPoint> ports, boolean up);

    /** @return true if the switch is connected and past its handshake */
    boolean isConnected(DatapathId dpid);
}
