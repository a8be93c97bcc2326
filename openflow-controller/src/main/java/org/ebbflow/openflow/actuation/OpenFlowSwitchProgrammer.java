package org.ebbflow.openflow.actuation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ebbflow.flowstats.flows.CookieFilter;
import org.ebbflow.flowstats.flows.EbbflowCookie;
import org.ebbflow.openflow.channel.SwitchConnection;
import org.ebbflow.openflow.channel.SwitchRegistry;
import org.ebbflow.openflow.channel.SwitchUnavailableException;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.types.OFPort;

/** {@link SwitchProgrammer} over the connections of a {@link SwitchRegistry}. Thread-safe, never blocks. */
public final class OpenFlowSwitchProgrammer implements SwitchProgrammer {
    private final SwitchRegistry registry;

    /** @param registry the connected switches */
    public OpenFlowSwitchProgrammer(SwitchRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CompletableFuture<Void> install(Collection<FlowRule> rules) {
        Map<DatapathId, List<FlowRule>> bySwitch = new LinkedHashMap<>();
        for (FlowRule r : rules) {
            bySwitch.computeIfAbsent(r.dpid(), d -> new ArrayList<>()).add(r);
        }
        List<CompletableFuture<Void>> done = new ArrayList<>(bySwitch.size());
        for (Map.Entry<DatapathId, List<FlowRule>> e : bySwitch.entrySet()) {
            done.add(onSwitch(e.getKey(), (conn, f) -> {
                List<OFMessage> msgs = new ArrayList<>(e.getValue().size());
                for (FlowRule r : e.getValue()) {
                    msgs.add(OFConversions.flowAdd(f, r, conn.nextXid()));
                }
                return msgs;
            }));
        }
        return all(done);
    }

    @Override
    public CompletableFuture<Void> remove(DatapathId dpid, CookieFilter filter) {
        return remove(Map.of(dpid, List.of(filter)));
    }

    @Override
    public CompletableFuture<Void> remove(Map<DatapathId, ? extends Collection<CookieFilter>> removals) {
        for (Collection<CookieFilter> filters : removals.values()) {
            filters.forEach(OpenFlowSwitchProgrammer::requireEbbflowOnly);
        }
        List<CompletableFuture<Void>> done = new ArrayList<>(removals.size());
        for (Map.Entry<DatapathId, ? extends Collection<CookieFilter>> e : removals.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            done.add(onSwitch(e.getKey(), (conn, f) -> {
                List<OFMessage> msgs = new ArrayList<>(e.getValue().size());
                for (CookieFilter filter : e.getValue()) {
                    msgs.add(OFConversions.flowDelete(f, filter, conn.nextXid()));
                }
                return msgs;
            }));
        }
        return all(done);
    }

    /**
     * @throws IllegalArgumentException unless the filter can only select flows carrying ebbflow's tag
     */
    static void requireEbbflowOnly(CookieFilter filter) {
        if ((filter.mask() & EbbflowCookie.TAG_MASK) != EbbflowCookie.TAG_MASK
                || !EbbflowCookie.isEbbflow(filter.cookie())) {
            throw new IllegalArgumentException("refusing to delete by cookie filter " + filter
                    + ": it could select flows that are not ebbflow's (the mask must cover the 0xebbf tag)");
        }
    }

    @Override
    public CompletableFuture<Void> barrier(Collection<DatapathId> switches) {
        List<CompletableFuture<Void>> done = new ArrayList<>(switches.size());
        for (DatapathId d : switches) {
            done.add(onSwitch(d, (conn, f) -> List.of()));
        }
        return all(done);
    }

    @Override
    public CompletableFuture<Void> makeBeforeBreak(List<? extends Collection<FlowRule>> stages,
                                                   Map<DatapathId, ? extends Collection<CookieFilter>> removals) {
        for (Collection<CookieFilter> filters : removals.values()) {
            filters.forEach(OpenFlowSwitchProgrammer::requireEbbflowOnly);
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Collection<FlowRule> stage : stages) {
            if (!stage.isEmpty()) {
                chain = chain.thenCompose(v -> install(stage));
            }
        }
        return chain.thenCompose(v -> remove(removals));
    }

    @Override
    public CompletableFuture<Void> setPortsUp(Collection<ConnectPoint> ports, boolean up) {
        Map<DatapathId, List<ConnectPoint>> bySwitch = new LinkedHashMap<>();
        for (ConnectPoint cp : ports) {
            bySwitch.computeIfAbsent(cp.dpid(), d -> new ArrayList<>()).add(cp);
        }
        List<CompletableFuture<Void>> done = new ArrayList<>(bySwitch.size());
        for (Map.Entry<DatapathId, List<ConnectPoint>> e : bySwitch.entrySet()) {
            done.add(onSwitch(e.getKey(), (conn, f) -> {
                List<OFMessage> msgs = new ArrayList<>(e.getValue().size());
                for (ConnectPoint cp : e.getValue()) {
                    OFPortDesc desc = conn.port(cp.portNumber());
                    if (desc == null) {
                        throw new IllegalArgumentException("switch " + conn + " has no port " + cp.portNumber());
                    }
                    msgs.add(f.buildPortMod()
                            .setXid(conn.nextXid())
                            .setPortNo(OFPort.of((int) cp.portNumber()))
                            .setHwAddr(desc.getHwAddr())
                            .setConfig(up ? EnumSet.noneOf(OFPortConfig.class) : EnumSet.of(OFPortConfig.PORT_DOWN))
                            .setMask(EnumSet.of(OFPortConfig.PORT_DOWN))
                            .setAdvertise(0)
                            .build());
                }
                return msgs;
            }));
        }
        return all(done);
    }

    @Override
    public boolean isConnected(DatapathId dpid) {
        SwitchConnection c = registry.get(dpid);
        return c != null && c.isConnected();
    }

    /** Builds a batch of messages for a switch, sends it, and ends it with a barrier that checks their errors. */
    private CompletableFuture<Void> onSwitch(DatapathId dpid, Batch batch) {
        SwitchConnection conn = registry.get(dpid);
        if (conn == null || !conn.isConnected()) {
            return CompletableFuture.failedFuture(new SwitchUnavailableException(dpid, "not connected"));
        }
        List<OFMessage> msgs;
        try {
            msgs = batch.build(conn, conn.factory());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<Long> xids = new ArrayList<>(msgs.size());
        for (OFMessage m : msgs) {
            xids.add(m.getXid());
        }
        conn.sendAll(msgs);
        return conn.barrier(xids);
    }

    private static CompletableFuture<Void> all(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
    }

    /** The messages of one switch's part of an operation. */
    @FunctionalInterface
    private interface Batch {
        List<OFMessage> build(SwitchConnection conn, OFFactory f);
    }
}
