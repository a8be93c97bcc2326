package org.ebbflow.onos.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.ebbflow.onos.api.DeclaredDemand;
import org.ebbflow.onos.api.PlanReport;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.TopologySnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onlab.osgi.ComponentContextAdapter;
import org.onosproject.TestApplicationId;
import org.onosproject.cfg.ComponentConfigAdapter;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.FlowRuleOperations;

/** The component against ONOS's adapters and a simulated leaf-spine (see {@link FakeOnos}). */
class EbbflowManagerTest {
    static final long STEP_MILLIS = 5_000;
    /** 1 % of a 1 Gbit/s port per 5 s step: low enough for the policy to let capacity sleep. */
    static final long LOW_BYTES = 1_000_000_000L / 100 * 5 / 8;

    private final List<EbbflowManager> started = new ArrayList<>();
    private final long[] now = {1_700_000_000_000L};
    private final List<Long> waited = new ArrayList<>();

    @AfterEach
    void stop() {
        for (EbbflowManager m : started) {
            m.deactivate();
        }
    }

    private EbbflowManager node(FakeOnos f, String id, Object... props) {
        EbbflowManager m = new EbbflowManager();
        m.coreService = new CoreServiceAdapter() {
            @Override
            public ApplicationId registerApplication(String name) {
                return TestApplicationId.create(name);
            }
        };
        m.cfgService = new ComponentConfigAdapter();
        FakeOnos.Devices devices = f.new Devices();
        m.deviceService = devices;
        m.deviceAdminService = devices;
        m.linkService = f.new Links();
        m.hostService = f.new Hosts();
        m.flowRuleService = f.new Flows();
        m.leadershipService = f.new Leadership();
        m.clusterService = new FakeOnos.Cluster(id);
        m.mastershipService = f.new Mastership();
        m.storageService = f.new Storage();
        m.clock = () -> now[0];
        m.workExecutor = Runnable::run;
        m.periodic = false;
        m.sleeper = waited::add;
        Dictionary<String, Object> d = new Hashtable<>();
        for (int i = 0; i < props.length; i += 2) {
            d.put((String) props[i], props[i + 1]);
        }
        m.activate(new ComponentContextAdapter() {
            @Override
            public Dictionary getProperties() {
                return d;
            }
        });
        started.add(m);
        return m;
    }

    /** Advances time by {@code steps} polls of low traffic, running each node's cycle every second poll. */
    private void run(FakeOnos f, int steps, EbbflowManager... nodes) {
        for (int i = 0; i < steps; i++) {
            now[0] += STEP_MILLIS;
            f.traffic(LOW_BYTES, STEP_MILLIS / 1000);
            if (i % 2 == 1) {
                for (EbbflowManager m : nodes) {
                    m.cycle();
                }
            }
        }
    }

    @Test
    void onosStateAndEventsReachTheTopology() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        EbbflowManager m = node(f, "a");
        TopologySnapshot t = m.topology().snapshot();
        assertEquals(4, t.switchCount());
        assertEquals(8, t.linkCount(), "4 cables, both directions");
        assertEquals(4, t.hostCount());

        // A cable unplugged: ONOS reports the port down (not by ebbflow) and drops the links: FAILED, not asleep.
        f.changePort(FakeOnos.did(101), org.onosproject.net.PortNumber.portNumber(1), false);
        t = m.topology().snapshot();
        assertEquals(ElementState.FAILED, t.portState(org.ebbflow.topology.ConnectPoint.of(
                org.ebbflow.topology.DatapathId.of(101), 1)));
        int l = t.linkIndex(org.ebbflow.topology.LinkKey.of(org.ebbflow.topology.ConnectPoint.of(
                org.ebbflow.topology.DatapathId.of(101), 1), org.ebbflow.topology.ConnectPoint.of(
                org.ebbflow.topology.DatapathId.of(1), 1)));
        assertTrue(l < 0 || !t.isLinkUsable(l));

        // Port statistics reach flow-stats through ONOS's PORT_STATS_UPDATED events.
        run(f, 3);
        long accepted = m.stats().outcomes().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(accepted >= 3 * 12, "samples ingested: " + m.stats().outcomes());

        f.post(new DeviceEvent(DeviceEvent.Type.DEVICE_REMOVED, f.devices.get(FakeOnos.did(2))));
        assertEquals(ElementState.FAILED, m.topology().snapshot().switchState(
                m.topology().snapshot().switchIndex(org.ebbflow.topology.DatapathId.of(2))));
    }

    @Test
    void aPlanBecomesStagedRulesAndPortChangesMakeBeforeBreak() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        EbbflowManager m = node(f, "a");
        m.setDemands(List.of(DeclaredDemand.of(FakeOnos.mac(1), FakeOnos.mac(3), "bulk", 1e6)));
        run(f, 40, m);

        PlanReport first = null;
        for (FlowRuleOperations ops : f.operations) {
            assertNotNull(ops);
        }
        assertFalse(f.operations.isEmpty(), "rules installed: " + f.log);
        FlowRuleOperations ops = f.operations.get(0);
        // h1 (leaf 101) -> h3 (leaf 102) over one spine: three rules, one stage each, egress first.
        assertEquals(3, ops.stages().size(), ops.toString());
        List<DeviceId> order = new ArrayList<>();
        for (java.util.Set<FlowRuleOperation> stage : ops.stages()) {
            assertEquals(1, stage.size());
            FlowRuleOperation op = stage.iterator().next();
            assertEquals(FlowRuleOperation.Type.ADD, op.type());
            assertEquals(m.appId().id(), op.rule().appId());
            order.add(op.rule().deviceId());
        }
        assertEquals(FakeOnos.did(102), order.get(0), "egress leaf first");
        assertEquals(FakeOnos.did(101), order.get(2), "ingress leaf last");

        // Something slept at 1 % load, and every port went down only after the rules were confirmed.
        assertTrue(f.count("disable") > 0, "nothing slept: " + f.log);
        int firstFlows = f.log.indexOf(f.log.stream().filter(s -> s.startsWith("flows")).findFirst().get());
        int firstDisable = f.log.indexOf(f.log.stream().filter(s -> s.startsWith("disable")).findFirst().get());
        assertTrue(firstFlows < firstDisable, "make-before-break: " + f.log);
        first = m.currentPlan();
        assertNotNull(first);
        assertTrue(first.violations().isEmpty(), first.toString());
        // The ports ebbflow disabled are administratively down in its model, marked asleep, not failed.
        Map<String, SleepRecord> sleeping = new ClusterState(f.maps.get(EbbflowManager.STATE_MAP).asJavaMap())
                .sleeping();
        assertFalse(sleeping.isEmpty());
        assertEquals(f.count("disable"), sleeping.values().stream().mapToLong(r -> r.ports().size()).sum());
    }

    @Test
    void noMasterMeansNoWrite() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        f.masterless.addAll(f.devices.keySet());
        EbbflowManager m = node(f, "a");
        run(f, 40, m);
        assertTrue(f.log.isEmpty(), f.log.toString());
        assertTrue(m.currentPlan().outcome().startsWith("deferred"), m.currentPlan().outcome());
    }

    @Test
    void dryRunChangesNothing() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        EbbflowManager m = node(f, "a", "dryRun", "true");
        m.setDemands(List.of(DeclaredDemand.of(FakeOnos.mac(1), FakeOnos.mac(3), "bulk", 1e6)));
        run(f, 40, m);
        PlanReport r = m.plan(true);
        assertEquals(PlanReport.DRY_RUN, r.outcome());
        assertFalse(r.sleeps().isEmpty() && r.actions().isEmpty(), "the dry run reports what it would do: " + r);
        assertTrue(f.log.isEmpty(), "no writes: " + f.log);
        assertTrue(new ClusterState(f.maps.get(EbbflowManager.STATE_MAP).asJavaMap()).sleeping().isEmpty());
        assertEquals(8, f.active().size(), "every link still up");
    }

    @Test
    void leadershipHandoverWithoutASingleSpuriousWakeOrSleep() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        EbbflowManager a = node(f, "a");
        a.setDemands(List.of(DeclaredDemand.of(FakeOnos.mac(1), FakeOnos.mac(3), "bulk", 1e6)));
        run(f, 40, a);
        long writes = f.log.size();
        assertTrue(f.count("disable") > 0, "a put something to sleep: " + f.log);

        // b joins after ONOS dropped the sleeping links: it never saw them.
        EbbflowManager b = node(f, "b");
        f.leader = new NodeId("b");
        run(f, 40, a, b);
        List<String> after = f.log.subList((int) writes, f.log.size());
        assertEquals(0, after.stream().filter(s -> s.startsWith("enable") || s.startsWith("disable")).count(),
                "writes after the handover: " + after);
        assertTrue(b.status().isLeader());
        assertEquals(PlanReport.APPLIED, b.currentPlan().outcome());
        assertEquals("b", b.currentPlan().get("node"));
    }

    @Test
    void withoutTheClusterRecordsANewLeaderWouldActAgain() {
        // The same handover with the cluster store wiped: the new leader does not know what sleeps, so it acts.
        // This is what the records prevent (and shows the handover test can fail).
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        EbbflowManager a = node(f, "a");
        run(f, 40, a);
        long writes = f.log.size();
        assertTrue(f.count("disable") > 0);
        f.maps.get(EbbflowManager.STATE_MAP).clear();
        EbbflowManager b = node(f, "b");
        f.leader = new NodeId("b");
        run(f, 40, a, b);
        assertTrue(f.log.size() > writes, "b changed ports although they already slept: " + f.log);
    }

    @Test
    void operatorOverridesAreKeptByThePlanner() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        EbbflowManager m = node(f, "a");
        run(f, 40, m);
        Map<String, SleepRecord> sleeping = new ClusterState(f.maps.get(EbbflowManager.STATE_MAP).asJavaMap())
                .sleeping();
        assertFalse(sleeping.isEmpty());
        String slept = sleeping.keySet().iterator().next();
        List<String> ports = new ArrayList<>();
        for (org.ebbflow.topology.ConnectPoint cp : sleeping.get(slept).ports()) {
            ports.add(OnosNames.name(cp));
        }
        // Wake it and pin it awake: its ports come back at once and the planner never sleeps it again.
        int mark = f.log.size();
        m.wake(slept);
        for (String p : ports) {
            assertTrue(f.log.subList(mark, f.log.size()).contains("enable " + p), f.log.toString());
        }
        mark = f.log.size();
        run(f, 40, m);
        for (String p : ports) {
            assertFalse(f.log.subList(mark, f.log.size()).contains("disable " + p), "pinned element slept again: "
                    + f.log);
        }
        assertEquals(Map.of(slept, "awake"), m.overrides());
        // Pin a switch asleep: its ports go down, and the planner does not wake it.
        String spine = EbbflowManager.canonical("of:0000000000000001");
        m.release(slept);
        m.sleep(spine);
        assertTrue(f.log.contains("disable of:0000000000000001/1"), f.log.toString());
        long enablesBefore = f.count("enable of:0000000000000001");
        run(f, 40, m);
        assertEquals(enablesBefore, f.count("enable of:0000000000000001"), "planner woke a pinned switch");
    }
}
