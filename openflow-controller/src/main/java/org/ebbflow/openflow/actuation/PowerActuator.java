package org.ebbflow.openflow.actuation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyService;

/**
 * Sleep and wake of switches and links on Open vSwitch, where nothing can power off: sleep = the ports to other
 * switches administratively down (PortMod), recorded as asleep in the topology so the planner and reports count it;
 * wake = the ports up again. Sleep is make-before-break: the element is marked asleep first, traffic is re-routed
 * around it ({@code reroute}, e.g. the router's convergence), and only then do its ports go down. Wake brings the
 * ports up first and marks the element awake after, so routes use it only once it carries traffic.
 */
public final class PowerActuator {
    private final TopologyService topology;
    private final SwitchProgrammer programmer;
    private final Supplier<CompletableFuture<Void>> reroute;
    private final LongSupplier clock;

    /**
     * @param reroute returns a future completed once traffic avoids what is marked asleep
     * @param clock the discovery clock in milliseconds
     */
    public PowerActuator(TopologyService topology, SwitchProgrammer programmer,
                         Supplier<CompletableFuture<Void>> reroute, LongSupplier clock) {
        this.topology = topology;
        this.programmer = programmer;
        this.reroute = reroute;
        this.clock = clock;
    }

    /** @return the switch's ports that carry links to other switches, per the current topology */
    public List<ConnectPoint> switchFacingPorts(DatapathId dpid) {
        TopologySnapshot s = topology.snapshot();
        List<ConnectPoint> out = new ArrayList<>();
        for (Link l : s.links()) {
            if (l.src().dpid().equals(dpid) && !out.contains(l.src())) {
                out.add(l.src());
            }
        }
        return out;
    }

    /** Puts a switch to sleep: marks it asleep, waits for re-routing, takes its switch-facing ports down. */
    public CompletableFuture<Void> sleepSwitch(DatapathId dpid) {
        List<ConnectPoint> ports = switchFacingPorts(dpid);
        topology.setSwitchAsleep(dpid, true, clock.getAsLong());
        return reroute.get().thenCompose(v -> programmer.setPortsUp(ports, false));
    }

    /** Wakes a switch: brings its switch-facing ports up, then marks it awake. */
    public CompletableFuture<Void> wakeSwitch(DatapathId dpid) {
        return programmer.setPortsUp(switchFacingPorts(dpid), true)
                .thenRun(() -> topology.setSwitchAsleep(dpid, false, clock.getAsLong()));
    }

    /** Puts both directions of a link to sleep: marks them, waits for re-routing, takes both ends down. */
    public CompletableFuture<Void> sleepLink(LinkKey key) {
        long now = clock.getAsLong();
        topology.setLinkAsleep(key, true, now);
        topology.setLinkAsleep(key.reverse(), true, now);
        return reroute.get().thenCompose(v -> programmer.setPortsUp(List.of(key.src(), key.dst()), false));
    }

    /** Wakes both directions of a link: both ends up, then marked awake. */
    public CompletableFuture<Void> wakeLink(LinkKey key) {
        return programmer.setPortsUp(List.of(key.src(), key.dst()), true).thenRun(() -> {
            long now = clock.getAsLong();
            topology.setLinkAsleep(key, false, now);
            topology.setLinkAsleep(key.reverse(), false, now);
        });
    }
}
