package org.ebbflow.planner.power;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.SwitchRole;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The network's power in three figures, as ElasticTree's console reported them ({@code ETPowerUsage{watts_current,
 * watts_traditional, watts_max}}), in watts, overall and per switch role:
 * <ul>
 *   <li><b>current</b>: the given states. A sleeping switch draws its model's sleep watts; an awake switch its
 *   chassis watts plus its port figure per active port. A port is active when its switch is awake and it either
 *   attaches hosts (counted once per attachment port, however many containers share it) or ends an awake link
 *   whose other switch is awake too and that is not administratively down.</li>
 *   <li><b>all-on</b> (ElasticTree's "traditional"): every switch awake, every connected port on, as the network runs
 *   without energy management.</li>
 *   <li><b>maximum</b>: every switch awake with every physical port on ({@code SwitchInfo.portCount()}, or the
 *   connected ports if more are known).</li>
 * </ul>
 * Immutable. Building one is O(switches + links + hosts).
 */
public final class PowerReport {
    private final double currentWatts;
    private final double allOnWatts;
    private final double maxWatts;
    private final int switches;
    private final int asleepSwitches;
    private final int carryingCables;
    private final Map<SwitchRole, RolePower> byRole;

    private PowerReport(double currentWatts, double allOnWatts, double maxWatts, int switches, int asleepSwitches,
                        int carryingCables, Map<SwitchRole, RolePower> byRole) {
        this.currentWatts = currentWatts;
        this.allOnWatts = allOnWatts;
        this.maxWatts = maxWatts;
        this.switches = switches;
        this.asleepSwitches = asleepSwitches;
        this.carryingCables = carryingCables;
        this.byRole = byRole;
    }

    /**
     * @param states the power states to report, whose snapshot is the network
     * @param registry the power models
     * @return the report
     */
    public static PowerReport of(PowerStates states, PowerModelRegistry registry) {
        TopologySnapshot t = states.topology();
        int n = t.switchCount();
        int[] hostPorts = hostPortsPerSwitch(t);
        int[] linkPorts = new int[n];
        int[] activeLinkPorts = new int[n];
        for (int l = 0; l < t.linkCount(); l++) {
            int src = t.linkSrc(l);
            int dst = t.linkDst(l);
            linkPorts[src]++;
            boolean on = states.isLinkAwake(l) && states.isSwitchAwake(src) && states.isSwitchAwake(dst)
                    && t.linkState(l) != ElementState.ADMIN_DOWN;
            if (on) {
                activeLinkPorts[src]++;
            }
            if (t.reverseLink(l) < 0) {
                // One-way link: its far end is a port too, which no reverse link accounts for.
                linkPorts[dst]++;
                if (on) {
                    activeLinkPorts[dst]++;
                }
            }
        }
        Map<SwitchRole, double[]> sums = new EnumMap<>(SwitchRole.class);
        Map<SwitchRole, int[]> counts = new EnumMap<>(SwitchRole.class);
        double current = 0;
        double allOn = 0;
        double max = 0;
        int asleep = 0;
        for (int s = 0; s < n; s++) {
            SwitchPowerModel m = registry.modelFor(t.switchAt(s));
            boolean awake = states.isSwitchAwake(s);
            double cur = awake ? m.awakeWatts(activeLinkPorts[s] + hostPorts[s]) : m.sleepWatts();
            int connected = linkPorts[s] + hostPorts[s];
            double on = m.awakeWatts(connected);
            double mx = m.awakeWatts(Math.max(connected, t.switchAt(s).portCount()));
            current += cur;
            allOn += on;
            max += mx;
            asleep += awake ? 0 : 1;
            SwitchRole role = t.switchAt(s).role();
            double[] sum = sums.computeIfAbsent(role, r -> new double[3]);
            sum[0] += cur;
            sum[1] += on;
            sum[2] += mx;
            int[] c = counts.computeIfAbsent(role, r -> new int[2]);
            c[0]++;
            c[1] += awake ? 0 : 1;
        }
        Map<SwitchRole, RolePower> byRole = new EnumMap<>(SwitchRole.class);
        for (Map.Entry<SwitchRole, double[]> e : sums.entrySet()) {
            int[] c = counts.get(e.getKey());
            double[] v = e.getValue();
            byRole.put(e.getKey(), new RolePower(e.getKey(), c[0], c[1], v[0], v[1], v[2]));
        }
        return new PowerReport(current, allOn, max, n, asleep, states.carryingCableCount(),
                Collections.unmodifiableMap(byRole));
    }

    private static int[] hostPortsPerSwitch(TopologySnapshot t) {
        int[] ports = new int[t.switchCount()];
        Set<ConnectPoint> seen = new HashSet<>(t.hostCount() * 2);
        for (int h = 0; h < t.hostCount(); h++) {
            if (seen.add(t.host(h).attachment())) {
                ports[t.hostSwitch(h)]++;
            }
        }
        return ports;
    }

    /** @return watts drawn in the reported states */
    public double currentWatts() {
        return currentWatts;
    }

    /** @return watts with every switch awake and every connected port on (ElasticTree's "traditional") */
    public double allOnWatts() {
        return allOnWatts;
    }

    /** @return watts with every switch awake and every physical port on */
    public double maxWatts() {
        return maxWatts;
    }

    /** @return 1 − current / all-on: the fraction of all-on power saved; 0 for an empty network */
    public double savedFraction() {
        return allOnWatts == 0 ? 0 : 1 - currentWatts / allOnWatts;
    }

    /** @return number of switches */
    public int switches() {
        return switches;
    }

    /** @return number of sleeping switches */
    public int asleepSwitches() {
        return asleepSwitches;
    }

    /** @return number of awake switches */
    public int awakeSwitches() {
        return switches - asleepSwitches;
    }

    /** @return number of cables (undirected links) that can carry traffic */
    public int carryingCables() {
        return carryingCables;
    }

    /** @return the figures per role present in the network, unmodifiable */
    public Map<SwitchRole, RolePower> byRole() {
        return byRole;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PowerReport{current %.1f W, all-on %.1f W, max %.1f W, "
                + "%d/%d switches awake, %d cables}", currentWatts, allOnWatts, maxWatts, awakeSwitches(), switches,
                carryingCables);
    }
}
