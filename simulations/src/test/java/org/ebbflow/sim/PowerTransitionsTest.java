package org.ebbflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.sim.control.AlwaysOnPolicy;
import org.ebbflow.sim.control.ControlCycle;
import org.ebbflow.sim.control.ControlDecision;
import org.ebbflow.sim.control.ControlPolicy;
import org.ebbflow.sim.control.PowerView;
import org.ebbflow.sim.control.RoutingPlan;
import org.ebbflow.sim.metrics.PolicySummary;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scripted policy sleeps a core switch and a cable to another core at cycle 10 and wakes both at cycle 30 (wake
 * latency 12 s), side by side with always-on on the same traffic.
 */
class PowerTransitionsTest {
    private static SimResult result;
    private static final Scripted SCRIPTED = new Scripted();

    @BeforeAll
    static void run() {
        Scenario scenario = Scenario.of("fat-tree:k=4", "synthetic:load=0.05,locality=far,diurnal=false");
        SimConfig config = SimConfig.defaults(1.0 / 12, 3).withWakeLatencyMillis(12_000);
        result = new Simulator(scenario, config, List.of(new AlwaysOnPolicy(), SCRIPTED)).run(SimListener.NONE);
    }

    @Test
    void bothPoliciesSeeTheSameTraffic() {
        assertEquals(result.policy("always-on").summary().offeredBytes(),
                result.policy("scripted").summary().offeredBytes(), 0);
    }

    @Test
    void transitionsPowerAndReroutesAreCounted() {
        PolicySummary s = result.policy("scripted").summary();
        assertEquals(2, s.switchTransitions());
        assertEquals(2, s.cableTransitions());
        assertEquals(4 * 12, s.transitionsPerHour(), 1e-9);
        assertTrue(s.ruleChanges() > 0, "paths moved off the sleeping core and back");
        assertTrue(s.energyFraction() < 1);
        // Asleep: the core (150 W + 4 ports), the 4 aggregation ports facing it, the cable's 2 ports.
        assertEquals(3080 - 154 - 4 - 2, result.policy("scripted").series().watts(20), 1e-9);
        assertEquals(3080, result.policy("scripted").series().watts(5), 1e-9);
        assertEquals(3080, result.policy("scripted").series().watts(40), 1e-9);
        assertEquals(1, result.policy("scripted").series().switchesAsleep(20));
        assertEquals(1, result.policy("scripted").series().cablesAsleep(20));
        assertEquals(0, s.partitionedSteps());
        assertEquals(result.policy("always-on").summary().undeliveredFraction(), s.undeliveredFraction(), 1e-4);
    }

    @Test
    void theControllerSawSleepWakeAndReconnectThroughDiscovery() {
        assertEquals(List.of(ElementState.ACTIVE, ElementState.ACTIVE), SCRIPTED.stateAt.get(9));
        assertEquals(List.of(ElementState.ASLEEP, ElementState.ASLEEP), SCRIPTED.stateAt.get(11));
        // Woken at cycle 30 with 12 s latency: still dark at 31 and 32, connected and rediscovered by 33.
        assertEquals(List.of(ElementState.ASLEEP, ElementState.ASLEEP), SCRIPTED.stateAt.get(31));
        assertEquals(PowerView.State.WAKING, SCRIPTED.viewAt.get(31));
        assertEquals(List.of(ElementState.ACTIVE, ElementState.ACTIVE), SCRIPTED.stateAt.get(33));
        assertEquals(PowerView.State.AWAKE, SCRIPTED.viewAt.get(33));
        assertTrue(SCRIPTED.linksAt.stream().allMatch(n -> n == 64), "no link expired or was removed");
        assertTrue(result.policy("scripted").sampleOutcomes().get(SampleOutcome.RESET) >= 4,
                "the woken core's counters restarted");
        assertEquals(0, (long) result.policy("scripted").sampleOutcomes().get(SampleOutcome.INCONSISTENT));
    }

    /** Sleeps core 0 and the cable from an aggregation switch to core 1 between cycles 10 and 30. */
    private static final class Scripted implements ControlPolicy {
        final List<List<ElementState>> stateAt = new ArrayList<>();
        final List<PowerView.State> viewAt = new ArrayList<>();
        final List<Integer> linksAt = new ArrayList<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public ControlDecision decide(ControlCycle cycle) {
            TopologySnapshot t = cycle.topology();
            int core = -1;
            int otherCore = -1;
            for (int s = 0; s < t.switchCount(); s++) {
                if (t.switchAt(s).role() == SwitchRole.CORE) {
                    if (core < 0) {
                        core = s;
                    } else if (otherCore < 0) {
                        otherCore = s;
                    }
                }
            }
            int cable = t.inLinkAt(t.inLinkStart(otherCore));
            stateAt.add(List.of(t.switchState(core), t.linkState(cable)));
            viewAt.add(cycle.power().switchState(core));
            linksAt.add(t.linkCount());
            BitSet switches = new BitSet();
            switches.set(0, t.switchCount());
            BitSet links = new BitSet();
            links.set(0, t.linkCount());
            if (cycle.index() == 10) {
                switches.clear(core);
                links.clear(cable);
                links.clear(t.reverseLink(cable));
                return ControlDecision.builder().awakeSwitches(switches).awakeLinks(links)
                        .routing(RoutingPlan.ecmp()).build();
            }
            if (cycle.index() == 30) {
                return ControlDecision.builder().awakeSwitches(switches).awakeLinks(links).build();
            }
            return ControlDecision.keepAll();
        }
    }
}
