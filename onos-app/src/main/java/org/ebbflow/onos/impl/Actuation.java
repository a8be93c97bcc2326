package org.ebbflow.onos.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ebbflow.planner.plan.FlowRuleDiff;
import org.ebbflow.planner.plan.Plan;
import org.ebbflow.planner.plan.PlanStep;
import org.ebbflow.planner.plan.PowerTransition;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.onlab.packet.MacAddress;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleOperationsContext;

/**
 * A plan as ONOS operations, in make-before-break order: enable the ports of what wakes; wait for it; one
 * {@link FlowRuleOperations} whose stages first install each demand's new rules from its egress back to its ingress
 * (stage k holds every demand's k-th rule from the egress), then remove old rules from the ingress onwards, and,
 * when reconciling (see {@link #withStaleRemovals}), a last stage removing ebbflow's stale rules; and, only once
 * those succeeded, disable the ports of what sleeps. Built without touching the network, so a dry run
 * reports exactly what a real run would do. Elements the operator pinned are left alone. Immutable.
 *
 * <p>Sleep in ONOS means administratively down ports (a switch: all its ports; a cable: its two ends); the switch's
 * own power saving is modelled. Rules match the demand's source and destination MAC, forward out of the planned port,
 * are permanent and belong to ebbflow's application id; a demand's class sets the priority (guaranteed above
 * latency-sensitive above bulk). Host-less demands (switch to switch) have no match in ONOS and are skipped.
 */
final class Actuation {
    /** One port to enable or disable, and the element it belongs to. */
    static final class PortChange {
        final ConnectPoint port;
        final boolean enable;
        final String element;

        PortChange(ConnectPoint port, boolean enable, String element) {
            this.port = port;
            this.enable = enable;
            this.element = element;
        }

        @Override
        public String toString() {
            return (enable ? "enable " : "disable ") + OnosNames.name(port) + " (" + element + ")";
        }
    }

    private final List<PortChange> wakePorts;
    private final long waitMillis;
    private final List<List<FlowRule>> installStages;
    private final List<List<FlowRule>> removeStages;
    private final List<PortChange> sleepPorts;
    private final List<String> woken;
    private final List<SleepRecord> slept;
    private final int skippedRules;
    private final List<FlowRule> staleRemovals;

    private Actuation(List<PortChange> wakePorts, long waitMillis, List<List<FlowRule>> installStages,
                      List<List<FlowRule>> removeStages, List<PortChange> sleepPorts, List<String> woken,
                      List<SleepRecord> slept, int skippedRules, List<FlowRule> staleRemovals) {
        this.wakePorts = wakePorts;
        this.waitMillis = waitMillis;
        this.installStages = installStages;
        this.removeStages = removeStages;
        this.sleepPorts = sleepPorts;
        this.woken = woken;
        this.slept = slept;
        this.skippedRules = skippedRules;
        this.staleRemovals = staleRemovals;
    }

    /**
     * @param stale ebbflow's rules on the switches that the plan in force does not contain (left by an earlier
     *     leader, or by a plan that was not confirmed); rules this actuation already removes are left out
     * @return this actuation with one last stage removing them, after every install stage: make-before-break
     */
    Actuation withStaleRemovals(List<FlowRule> stale) {
        Set<String> removed = new HashSet<>();
        for (List<FlowRule> s : removeStages) {
            for (FlowRule r : s) {
                removed.add(ruleKey(r));
            }
        }
        List<FlowRule> extra = new ArrayList<>();
        for (FlowRule r : stale) {
            if (removed.add(ruleKey(r))) {
                extra.add(r);
            }
        }
        return new Actuation(wakePorts, waitMillis, installStages, removeStages, sleepPorts, woken, slept,
                skippedRules, Collections.unmodifiableList(extra));
    }

    /**
     * The identity ONOS gives a rule (what {@code DefaultFlowRule.equals} compares): device, table, priority and
     * selector. Two rules with the same key are one rule: adding the second replaces the first's treatment.
     *
     * @return the rule's key
     */
    static String ruleKey(FlowRule r) {
        return r.deviceId() + "|" + r.table() + "|" + r.priority() + "|" + r.selector();
    }

    /**
     * @return the ONOS rules of every routed demand of the plan: what should be on the switches once it is applied,
     *     by {@link #ruleKey}; host-less demands have none
     */
    static Map<String, FlowRule> rulesInForce(Plan plan, ApplicationId appId, int basePriority) {
        Map<String, FlowRule> out = new LinkedHashMap<>();
        for (org.ebbflow.planner.plan.FlowRule r : FlowRuleDiff.between(null, plan.routing()).adds()) {
            if (r.srcMac() != null && r.dstMac() != null) {
                FlowRule o = onosRule(r, appId, basePriority);
                out.put(ruleKey(o), o);
            }
        }
        return out;
    }

    /**
     * @param plan the plan
     * @param sleeping ebbflow's records of sleeping elements (the ports to enable on wake)
     * @param pins the operator's overrides; pinned elements are not touched
     * @param appId ebbflow's application id
     * @param basePriority priority of bulk rules; latency-sensitive +1, guaranteed +2
     * @param nowMillis when the plan runs, for new sleep records
     * @return the operations
     */
    static Actuation of(Plan plan, Map<String, SleepRecord> sleeping, Map<String, String> pins, ApplicationId appId,
                        int basePriority, long nowMillis) {
        TopologySnapshot t = plan.topology();
        List<PortChange> wakePorts = new ArrayList<>();
        List<PortChange> sleepPorts = new ArrayList<>();
        List<String> woken = new ArrayList<>();
        List<SleepRecord> slept = new ArrayList<>();
        long wait = 0;
        List<List<FlowRule>> install = Collections.emptyList();
        List<List<FlowRule>> remove = Collections.emptyList();
        int[] skipped = new int[1];
        for (PlanStep step : plan.steps()) {
            switch (step.kind()) {
                case WAKE:
                    for (PowerTransition tr : step.transitions()) {
                        String element = element(tr);
                        if (pins.containsKey(element)) {
                            continue;
                        }
                        for (ConnectPoint cp : wakePorts(tr, t, sleeping.get(element))) {
                            wakePorts.add(new PortChange(cp, true, element));
                        }
                        woken.add(element);
                    }
                    break;
                case AWAIT_WAKE:
                    wait = step.waitMillis();
                    break;
                case INSTALL_RULES:
                    install = stages(step.rules(), appId, basePriority, skipped);
                    break;
                case REMOVE_RULES:
                    remove = stages(step.rules(), appId, basePriority, skipped);
                    break;
                case SLEEP:
                    for (PowerTransition tr : step.transitions()) {
                        String element = element(tr);
                        if (pins.containsKey(element)) {
                            continue;
                        }
                        SleepRecord r = sleepRecord(tr, t, element, nowMillis);
                        for (ConnectPoint cp : r.ports()) {
                            sleepPorts.add(new PortChange(cp, false, element));
                        }
                        slept.add(r);
                    }
                    break;
                default:
                    break;
            }
        }
        return new Actuation(wakePorts, wakePorts.isEmpty() ? 0 : wait, install, withoutReinstalled(remove, install),
                sleepPorts, woken, slept, skipped[0], Collections.emptyList());
    }

    /**
     * @return the remove stages without rules that an install stage puts back under the same ONOS identity (one
     *     demand's old rule can be another's new one): removing them would delete the rule just installed
     */
    private static List<List<FlowRule>> withoutReinstalled(List<List<FlowRule>> remove, List<List<FlowRule>> install) {
        Set<String> installed = new HashSet<>();
        for (List<FlowRule> s : install) {
            for (FlowRule r : s) {
                installed.add(ruleKey(r));
            }
        }
        List<List<FlowRule>> out = new ArrayList<>();
        for (List<FlowRule> s : remove) {
            List<FlowRule> kept = new ArrayList<>();
            for (FlowRule r : s) {
                if (!installed.contains(ruleKey(r))) {
                    kept.add(r);
                }
            }
            if (!kept.isEmpty()) {
                out.add(kept);
            }
        }
        return out;
    }

    /** @return the ONOS name of a transition's element */
    static String element(PowerTransition tr) {
        return tr.isSwitch() ? OnosNames.name(tr.device()) : OnosNames.name(PolicyMemory.cableKey(tr.cable()));
    }

    private static List<ConnectPoint> wakePorts(PowerTransition tr, TopologySnapshot t, SleepRecord record) {
        if (record != null) {
            return record.ports();
        }
        List<ConnectPoint> ports = new ArrayList<>();
        if (tr.isSwitch()) {
            int s = t.switchIndex(tr.device());
            if (s >= 0) {
                for (PortInfo p : t.portsOf(s)) {
                    if (t.portState(p.connectPoint()) == ElementState.ASLEEP) {
                        ports.add(p.connectPoint());
                    }
                }
            }
        } else {
            ports.add(tr.cable().src());
            ports.add(tr.cable().dst());
        }
        return ports;
    }

    /** @return the record of an element going to sleep: its ports, and the links on them with capacities */
    static SleepRecord sleepRecord(PowerTransition tr, TopologySnapshot t, String element, long nowMillis) {
        List<ConnectPoint> ports = new ArrayList<>();
        Map<LinkKey, Long> links = new LinkedHashMap<>();
        if (tr.isSwitch()) {
            int s = t.switchIndex(tr.device());
            if (s >= 0) {
                for (PortInfo p : t.portsOf(s)) {
                    ports.add(p.connectPoint());
                }
                for (int i = t.outLinkStart(s); i < t.outLinkEnd(s); i++) {
                    int l = t.outLinkAt(i);
                    links.put(t.link(l).key(), t.linkCapacityBps(l));
                }
                for (int i = t.inLinkStart(s); i < t.inLinkEnd(s); i++) {
                    int l = t.inLinkAt(i);
                    links.put(t.link(l).key(), t.linkCapacityBps(l));
                }
            }
        } else {
            LinkKey k = tr.cable();
            ports.add(k.src());
            ports.add(k.dst());
            for (LinkKey d : new LinkKey[] {k, k.reverse()}) {
                int l = t.linkIndex(d);
                if (l >= 0) {
                    links.put(d, t.linkCapacityBps(l));
                }
            }
        }
        return new SleepRecord(element, tr.isSwitch(), SleepRecord.Origin.PLANNER, ports, links, nowMillis);
    }

    private static List<List<FlowRule>> stages(List<org.ebbflow.planner.plan.FlowRule> rules, ApplicationId appId,
                                               int basePriority, int[] skipped) {
        List<List<FlowRule>> stages = new ArrayList<>();
        long demand = Long.MIN_VALUE;
        int rank = 0;
        for (org.ebbflow.planner.plan.FlowRule r : rules) {
            rank = r.demandId() == demand ? rank + 1 : 0;
            demand = r.demandId();
            if (r.srcMac() == null || r.dstMac() == null) {
                skipped[0]++;
                continue;
            }
            while (stages.size() <= rank) {
                stages.add(new ArrayList<>());
            }
            stages.get(rank).add(onosRule(r, appId, basePriority));
        }
        stages.removeIf(List::isEmpty);
        return stages;
    }

    /** @return the ONOS rule for a planned rule */
    static FlowRule onosRule(org.ebbflow.planner.plan.FlowRule r, ApplicationId appId, int basePriority) {
        DeviceId device = OnosNames.deviceId(r.device());
        PortNumber out = r.outPort() == org.ebbflow.planner.plan.FlowRule.PORT_LOCAL ? PortNumber.LOCAL
                : PortNumber.portNumber(r.outPort());
        int classBoost;
        switch (r.demandClass()) {
            case GUARANTEED:
                classBoost = 2;
                break;
            case LATENCY_SENSITIVE:
                classBoost = 1;
                break;
            default:
                classBoost = 0;
                break;
        }
        return DefaultFlowRule.builder()
                .forDevice(device)
                .withSelector(DefaultTrafficSelector.builder()
                        .matchEthSrc(MacAddress.valueOf(r.srcMac().toString()))
                        .matchEthDst(MacAddress.valueOf(r.dstMac().toString()))
                        .build())
                .withTreatment(DefaultTrafficTreatment.builder().setOutput(out).build())
                .withPriority(basePriority + classBoost)
                .fromApp(appId)
                .makePermanent()
                .build();
    }

    /** @return one FlowRuleOperations: install stages, then remove stages; null if there are no rules to change */
    FlowRuleOperations operations(FlowRuleOperationsContext context) {
        if (installStages.isEmpty() && removeStages.isEmpty() && staleRemovals.isEmpty()) {
            return null;
        }
        FlowRuleOperations.Builder b = FlowRuleOperations.builder();
        boolean first = true;
        for (List<FlowRule> stage : installStages) {
            if (!first) {
                b.newStage();
            }
            first = false;
            for (FlowRule r : stage) {
                b.add(r);
            }
        }
        for (List<FlowRule> stage : removeStages) {
            if (!first) {
                b.newStage();
            }
            first = false;
            for (FlowRule r : stage) {
                b.remove(r);
            }
        }
        if (!staleRemovals.isEmpty()) {
            if (!first) {
                b.newStage();
            }
            for (FlowRule r : staleRemovals) {
                b.remove(r);
            }
        }
        return b.build(context);
    }

    /** @return the devices whose ports or rules change, for the mastership check */
    Set<DeviceId> devices() {
        Set<DeviceId> out = new LinkedHashSet<>();
        for (PortChange p : wakePorts) {
            out.add(OnosNames.deviceId(p.port.dpid()));
        }
        for (List<List<FlowRule>> stages : List.of(installStages, removeStages)) {
            for (List<FlowRule> s : stages) {
                for (FlowRule r : s) {
                    out.add(r.deviceId());
                }
            }
        }
        for (FlowRule r : staleRemovals) {
            out.add(r.deviceId());
        }
        for (PortChange p : sleepPorts) {
            out.add(OnosNames.deviceId(p.port.dpid()));
        }
        return out;
    }

    List<PortChange> wakePorts() {
        return wakePorts;
    }

    long waitMillis() {
        return waitMillis;
    }

    List<List<FlowRule>> installStages() {
        return installStages;
    }

    List<List<FlowRule>> removeStages() {
        return removeStages;
    }

    List<PortChange> sleepPorts() {
        return sleepPorts;
    }

    /** @return stale ebbflow rules removed in the last stage */
    List<FlowRule> staleRemovals() {
        return staleRemovals;
    }

    /** @return elements woken, in order */
    List<String> woken() {
        return woken;
    }

    /** @return records of elements put to sleep, in order */
    List<SleepRecord> slept() {
        return slept;
    }

    /** @return planned rules left out because ONOS cannot match them (host-less demands) */
    int skippedRules() {
        return skippedRules;
    }

    /** @return true if nothing would change */
    boolean isEmpty() {
        return wakePorts.isEmpty() && installStages.isEmpty() && removeStages.isEmpty() && sleepPorts.isEmpty()
                && woken.isEmpty() && slept.isEmpty() && staleRemovals.isEmpty();
    }

    /** @return the actions in execution order, one line each */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (PortChange p : wakePorts) {
            out.add(p.toString());
        }
        if (waitMillis > 0) {
            out.add("wait " + waitMillis + " ms");
        }
        int n = 0;
        for (List<FlowRule> s : installStages) {
            out.add("stage " + ++n + ": install " + s.size() + " rules");
        }
        for (List<FlowRule> s : removeStages) {
            out.add("stage " + ++n + ": remove " + s.size() + " rules");
        }
        if (!staleRemovals.isEmpty()) {
            out.add("stage " + ++n + ": remove " + staleRemovals.size() + " stale rules");
        }
        for (PortChange p : sleepPorts) {
            out.add(p.toString());
        }
        return out;
    }
}
