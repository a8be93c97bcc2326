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
import org.onlab.packet.MacAddress;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.FlowRuleOperations;

/** The component against ONOS's adapters and a simulated leaf-spine (see {@link FakeOnos}). */
class EbbflowManagerTest {
    static final long STEP_MILLIS = 5_000;
    /** 1 % of a 1 Gbit/s port per 5 s step: low enough for the policy to let capacity sleep. */
    static final long LOW_BYTES = 1_000_000_000L / 100 * 5 / 8;

    private final List<EbbflowManager> started = new ArrayList<>();
    private final long[] now = {1_700_000_000_000L};
    /** The fake ebbflow thread's delayed work: due time (fake clock) and the work, run by {@link #runDue}. */
    private final List<Object[]> scheduled = new ArrayList<>();

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
        m.scheduler = (work, delay) -> scheduled.add(new Object[] {now[0] + delay, work});
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

    private long bytesPerStep = LOW_BYTES;

    /** Runs before each poll in {@link #run}: flow counters the test moves. */
    private Runnable eachStep = () -> { };

    /** Advances time by {@code steps} polls of low traffic, running each node's cycle every second poll. */
    private void run(FakeOnos f, int steps, EbbflowManager... nodes) {
        for (int i = 0; i < steps; i++) {
            now[0] += STEP_MILLIS;
            runDue();
            eachStep.run();
            f.traffic(bytesPerStep, STEP_MILLIS / 1000);
            if (i % 2 == 1) {
                for (EbbflowManager m : nodes) {
                    m.cycle();
                }
            }
        }
    }

    /** Runs the delayed work that is due by the fake clock, in order, including work it schedules. */
    private int runDue() {
        int ran = 0;
        for (boolean more = true; more;) {
            more = false;
            Object[] next = null;
            for (Object[] task : scheduled) {
                if ((Long) task[0] <= now[0] && (next == null || (Long) task[0] < (Long) next[0])) {
                    next = task;
                }
            }
            if (next != null) {
                scheduled.remove(next);
                ((Runnable) next[1]).run();
                ran++;
                more = true;
            }
        }
        return ran;
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

    /** @return the keys of ebbflow's rules in the fake store, with their treatments */
    private static Map<String, String> ebbflowTable(FakeOnos f, ApplicationId app) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (FlowEntry e : f.rulesOf(app.id())) {
            out.put(Actuation.ruleKey(e), e.treatment().toString());
        }
        return out;
    }

    private static FlowRule rule(ApplicationId app, int device, int src, int dst, long outPort, int priority) {
        return DefaultFlowRule.builder().forDevice(FakeOnos.did(device))
                .withSelector(DefaultTrafficSelector.builder().matchEthSrc(MacAddress.valueOf(FakeOnos.mac(src)))
                        .matchEthDst(MacAddress.valueOf(FakeOnos.mac(dst))).build())
                .withTreatment(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(outPort)).build())
                .withPriority(priority).fromApp(app).makePermanent().build();
    }

    @Test
    void aNewLeaderRemovesExactlyTheStaleEbbflowRulesAfterItsOwnAreConfirmed() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        EbbflowManager a = node(f, "a");
        a.setDemands(List.of(DeclaredDemand.of(FakeOnos.mac(1), FakeOnos.mac(3), "bulk", 1e6)));
        run(f, 40, a);
        ApplicationId ebb = a.appId();
        int prio = OsgiPropertyConstants.FLOW_PRIORITY_DEFAULT;
        assertEquals(3, f.rulesOf(ebb.id()).size(), "a installed h1 -> h3: " + f.flowTable.keySet());
        int spine = f.rulesOf(ebb.id()).stream().mapToInt(e -> (int) Long.parseLong(
                e.deviceId().toString().substring(3), 16)).filter(d -> d < 100).findFirst().getAsInt();
        int otherSpine = 3 - spine;

        // Leftovers of an older leader: h2 -> h4 (no longer declared) over the other spine, h1 -> h3 on the other
        // spine, and h1 -> h3 on leaf 101 pointing at the other spine (same identity as a's rule: it replaces it).
        List<FlowRule> leftovers = List.of(rule(ebb, 101, 2, 4, otherSpine, prio), rule(ebb, otherSpine, 2, 4, 2, prio),
                rule(ebb, 102, 2, 4, 4, prio), rule(ebb, otherSpine, 1, 3, 2, prio));
        leftovers.forEach(f::installed);
        f.installed(rule(ebb, 101, 1, 3, otherSpine, prio));
        // Another application's rules, one with ebbflow's match on the other spine: not ours, never removed.
        ApplicationId fwd = TestApplicationId.create("org.onosproject.fwd");
        List<FlowRule> foreign = List.of(rule(fwd, otherSpine, 1, 3, 2, prio + 7), rule(fwd, 101, 2, 4, 3, 10));
        foreign.forEach(f::installed);
        Map<String, String> before = new java.util.TreeMap<>();
        f.flowTable.forEach((k, v) -> before.put(k, v.treatment().toString()));
        int writes = f.log.size();
        int opsBefore = f.operations.size();

        EbbflowManager b = node(f, "b");
        f.leader = new NodeId("b");
        run(f, 40, a, b);

        List<String> after = f.log.subList(writes, f.log.size());
        assertEquals(0, after.stream().filter(s -> s.startsWith("enable") || s.startsWith("disable")).count(),
                "port writes after the handover: " + after);
        assertTrue(f.operations.size() > opsBefore, "b re-asserted its rules");
        FlowRuleOperations ops = f.operations.get(opsBefore);
        List<java.util.Set<FlowRuleOperation>> stages = ops.stages();
        java.util.Set<String> added = new java.util.TreeSet<>();
        for (java.util.Set<FlowRuleOperation> stage : stages.subList(0, stages.size() - 1)) {
            for (FlowRuleOperation op : stage) {
                assertEquals(FlowRuleOperation.Type.ADD, op.type(), "make-before-break: " + ops);
                added.add(Actuation.ruleKey(op.rule()));
            }
        }
        java.util.Set<String> removed = new java.util.TreeSet<>();
        for (FlowRuleOperation op : stages.get(stages.size() - 1)) {
            assertEquals(FlowRuleOperation.Type.REMOVE, op.type(), "the last stage removes: " + ops);
            assertEquals(ebb.id(), op.rule().appId(), "only ebbflow's rules are removed");
            removed.add(Actuation.ruleKey(op.rule()));
        }
        assertEquals(3, added.size(), "h1 -> h3 over one spine");
        // Exactly the ebbflow rules that are not b's: everything a and the older leader left, minus b's own keys.
        java.util.Set<String> expectedStale = new java.util.TreeSet<>();
        for (String k : before.keySet()) {
            if (!isForeign(k, foreign)) {
                expectedStale.add(k);
            }
        }
        expectedStale.removeAll(added);
        assertEquals(expectedStale, removed);
        assertTrue(removed.containsAll(List.of(Actuation.ruleKey(leftovers.get(0)), Actuation.ruleKey(leftovers.get(1)),
                Actuation.ruleKey(leftovers.get(2)))), "the undeclared demand's rules went: " + removed);
        assertFalse(removed.contains(Actuation.ruleKey(rule(ebb, 101, 1, 3, otherSpine, prio))),
                "a rule b re-added (same identity) must not be removed");
        // What is left: b's rules exactly, with b's treatments, and every foreign rule untouched.
        assertEquals(added, ebbflowTable(f, ebb).keySet());
        for (FlowRuleOperation op : stages.get(0)) {
            assertEquals(op.rule().treatment().toString(), ebbflowTable(f, ebb).get(Actuation.ruleKey(op.rule())));
        }
        for (FlowRule r : foreign) {
            assertEquals(r.treatment().toString(), before.get(Actuation.ruleKey(r)));
            assertTrue(f.flowTable.containsKey(Actuation.ruleKey(r)), "foreign rule removed: " + r);
        }
        // Reconciled once: later cycles remove nothing more.
        for (FlowRuleOperations later : f.operations.subList(opsBefore + 1, f.operations.size())) {
            assertTrue(later.stages().stream().flatMap(java.util.Set::stream)
                    .noneMatch(op -> op.type() == FlowRuleOperation.Type.REMOVE), later.toString());
        }
        assertEquals(0, ((Number) b.currentPlan().get("rulesStale")).intValue());
    }

    private static boolean isForeign(String key, List<FlowRule> foreign) {
        return foreign.stream().anyMatch(r -> Actuation.ruleKey(r).equals(key));
    }

    @Test
    void aPlanThatWasNotConfirmedIsReconciledOnTheNextOne() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        f.leader = new NodeId("a");
        EbbflowManager a = node(f, "a");
        a.setDemands(List.of(DeclaredDemand.of(FakeOnos.mac(1), FakeOnos.mac(3), "bulk", 1e6)));
        run(f, 40, a);
        Map<String, String> first = ebbflowTable(f, a.appId());
        assertEquals(3, first.size());
        // The demand changes; the first attempt is refused by ONOS (nothing changes), so the loop forgets its plan
        // and the next one is diffed against nothing: only the reconciliation can remove h1 -> h3's rules.
        a.setDemands(List.of(DeclaredDemand.of(FakeOnos.mac(2), FakeOnos.mac(4), "bulk", 1e6)));
        f.failFlows = 1;
        run(f, 2, a);
        assertTrue(a.currentPlan().outcome().startsWith("failed"), a.currentPlan().outcome());
        assertEquals(first, ebbflowTable(f, a.appId()));
        run(f, 2, a);
        assertEquals(PlanReport.APPLIED, a.currentPlan().outcome());
        Map<String, String> now = ebbflowTable(f, a.appId());
        assertEquals(3, now.size(), "only h2 -> h4's rules: " + now);
        for (String k : now.keySet()) {
            assertFalse(first.containsKey(k), "a rule of h1 -> h3 stayed: " + k);
        }
        assertEquals(3, ((Number) a.currentPlan().get("rulesStale")).intValue());
    }

    /** Another application's forwarding rules for h{src} -> h{dst} from leaf 101 over one spine to leaf 102. */
    private static List<FlowRule> fwdPath(ApplicationId fwd, int src, int dst, int spine) {
        int hostPort = 2 + src;
        FlowRule ingress = DefaultFlowRule.builder().forDevice(FakeOnos.did(101))
                .withSelector(DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(hostPort))
                        .matchEthSrc(MacAddress.valueOf(FakeOnos.mac(src)))
                        .matchEthDst(MacAddress.valueOf(FakeOnos.mac(dst))).build())
                .withTreatment(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(spine)).build())
                .withPriority(10).fromApp(fwd).makeTemporary(10).build();
        return List.of(ingress, rule(fwd, spine, src, dst, 2, 10), rule(fwd, 102, src, dst, dst, 10));
    }

    @Test
    void observedFlowsBecomeDemandsThatKeepTheirCablesAwake() {
        // h1 -> h3 and h2 -> h4 at 600 Mbit/s each, forwarded by another app (no declared demand) over both spines:
        // 1.2 Gbit/s between the leaves needs both 1 Gbit/s uplinks of each leaf. The port counters stay at 1 %, so
        // without the flow counters the planner would sleep one spine's cables (see the control below).
        for (boolean observe : new boolean[] {true, false}) {
            FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
            f.leader = new NodeId("a");
            ApplicationId fwd = TestApplicationId.create("org.onosproject.fwd");
            List<FlowRule> rules = new ArrayList<>(fwdPath(fwd, 1, 3, 1));
            rules.addAll(fwdPath(fwd, 2, 4, 2));
            rules.forEach(f::installed);
            long bytesPerStep = 600_000_000L / 8 * (STEP_MILLIS / 1000);
            eachStep = () -> f.count(e -> e.appId() == fwd.id(), bytesPerStep);
            EbbflowManager m = node(f, "a", "observeFlows", Boolean.toString(observe));
            run(f, 40, m);
            PlanReport r = m.currentPlan();
            if (observe) {
                assertEquals(2, ((Number) r.get("observedPairs")).intValue(), r.toString());
                assertEquals(2, ((Number) r.get("demands")).intValue(), r.toString());
                assertEquals(0, f.count("disable"), "a cable carrying observed traffic slept: " + f.log);
                assertEquals(8, f.active().size(), "every link up");
                // The demands are routed: ebbflow's rules for both pairs, with the ingress leaf's rules on two spines.
                java.util.Set<String> uplinks = new java.util.TreeSet<>();
                for (FlowEntry e : f.rulesOf(m.appId().id())) {
                    if (e.deviceId().equals(FakeOnos.did(101))) {
                        uplinks.add(e.treatment().toString());
                    }
                }
                assertEquals(2, uplinks.size(), "the two demands leave leaf 101 on different uplinks: " + uplinks);
                assertEquals(2, m.status().toMap().get("observedPairs"));
            } else {
                assertEquals(0, ((Number) r.get("demands")).intValue());
                assertTrue(f.count("disable") > 0, "control: without the flow counters a cable sleeps: " + f.log);
            }
            for (EbbflowManager x : started) {
                x.deactivate();
            }
            started.clear();
        }
        eachStep = () -> { };
    }

    /**
     * Lets a sleep something at low load, then raises the load to 90 % with link discovery deferred, stepping until a
     * cycle starts waking. Returns with the wake under way: the fake ebbflow thread is free again.
     */
    private EbbflowManager wakeUnderWay(FakeOnos f) {
        f.leader = new NodeId("a");
        EbbflowManager m = node(f, "a");
        run(f, 40, m);
        assertTrue(f.count("disable") > 0, "something slept: " + f.log);
        f.deferLinks = true;
        bytesPerStep = 1_000_000_000L * 9 / 10 * (STEP_MILLIS / 1000) / 8;
        int mark = f.log.size();
        for (int i = 0; i < 40 && f.log.size() == mark; i++) {
            run(f, 2, m);
        }
        assertTrue(f.log.size() > mark, "no wake at 90 %: " + f.log);
        return m;
    }

    @Test
    void theWakeWaitIsScheduledNotSlept() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        EbbflowManager m = wakeUnderWay(f);
        List<String> wakeWrites = new ArrayList<>(f.log);
        String last = wakeWrites.get(wakeWrites.size() - 1);
        assertTrue(last.startsWith("enable"), "the cycle returned right after enabling ports: " + wakeWrites);
        assertEquals(PlanReport.APPLYING, m.currentPlan().outcome());
        assertEquals(1, scheduled.size(), "the continuation waits on the fake clock");
        long deadline = (Long) scheduled.get(0)[0];
        assertTrue(deadline > now[0], "scheduled after the wake latency");

        // The ebbflow thread is free: statistics keep coming in, and a cycle meanwhile plans and writes nothing.
        int writes = f.log.size();
        long samples = m.stats().outcomes().values().stream().mapToLong(Long::longValue).sum();
        f.traffic(bytesPerStep, 1);
        assertTrue(m.stats().outcomes().values().stream().mapToLong(Long::longValue).sum() > samples);
        m.cycle();
        assertTrue(m.status().toMap().get("lastOutcome").toString().startsWith("busy"), m.status().toString());
        assertEquals(PlanReport.APPLYING, m.currentPlan().outcome());
        assertTrue(m.plan(false).outcome().startsWith("busy"));
        assertEquals(writes, f.log.size(), "nothing written while the wake is under way");

        // Just before the deadline nothing continues; at it, the plan goes on and completes.
        now[0] = deadline - 1;
        assertEquals(0, runDue());
        now[0] = deadline;
        assertEquals(1, runDue());
        assertEquals(PlanReport.APPLIED, m.currentPlan().outcome(), m.currentPlan().toString());
        assertFalse(f.log.subList(writes, f.log.size()).stream().anyMatch(x -> x.startsWith("enable")));
        assertEquals(PlanReport.APPLIED, m.status().toMap().get("lastOutcome"));
        assertTrue(scheduled.isEmpty() || runDue() >= 0);
    }

    @Test
    void theWakeContinuesAsSoonAsONOSReportsTheLinksAgain() {
        FakeOnos f = FakeOnos.leafSpine(2, 2, 2);
        EbbflowManager m = wakeUnderWay(f);
        assertEquals(PlanReport.APPLYING, m.currentPlan().outcome());
        long deadline = (Long) scheduled.get(0)[0];
        f.discover();
        assertTrue(runDue() >= 1, "continued on the link events");
        assertTrue(now[0] < deadline);
        assertEquals(PlanReport.APPLIED, m.currentPlan().outcome(), m.currentPlan().toString());
        // The deadline task left behind does nothing.
        int writes = f.log.size();
        now[0] = deadline;
        runDue();
        assertEquals(writes, f.log.size());
        assertEquals(PlanReport.APPLIED, m.currentPlan().outcome());
    }
}
