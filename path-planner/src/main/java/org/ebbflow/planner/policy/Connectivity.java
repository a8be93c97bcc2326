package org.ebbflow.planner.policy;

import java.util.Arrays;

import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Union-find over cables, to compare which terminals a set of elements connects with what the full topology
 * connects. Links are treated as undirected cables. O((S + L) α(S)).
 */
public final class Connectivity {
    private Connectivity() {
    }

    /** @return true if switch {@code s} is a terminal: it has hosts, or the topology has none at all */
    public static boolean isTerminal(TopologySnapshot t, int s) {
        return t.hostCount() == 0 || t.hostsAt(s).length > 0;
    }

    /** @return terminal flags per switch, see {@link #isTerminal} */
    public static boolean[] terminals(TopologySnapshot t) {
        boolean[] out = new boolean[t.switchCount()];
        boolean all = t.hostCount() == 0;
        for (int s = 0; s < out.length; s++) {
            out[s] = all;
        }
        for (int h = 0; h < t.hostCount(); h++) {
            out[t.hostSwitch(h)] = true;
        }
        return out;
    }

    /**
     * @param switchOn switches to count as present
     * @param linkOn links to count as present (only if both ends are present too)
     * @return a component label per switch
     */
    public static int[] components(TopologySnapshot t, boolean[] switchOn, boolean[] linkOn) {
        int[] parent = new int[t.switchCount()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int l = 0; l < t.linkCount(); l++) {
            int a = t.linkSrc(l);
            int b = t.linkDst(l);
            if (linkOn[l] && switchOn[a] && switchOn[b]) {
                int ra = find(parent, a);
                int rb = find(parent, b);
                if (ra != rb) {
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
        for (int i = 0; i < parent.length; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    /** @return components of the full topology: every available switch and link, asleep ones included */
    public static int[] fullComponents(TopologySnapshot t) {
        boolean[] s = new boolean[t.switchCount()];
        boolean[] l = new boolean[t.linkCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = PowerStates.isSwitchAvailable(t, i);
        }
        for (int i = 0; i < l.length; i++) {
            l[i] = PowerStates.isLinkAvailable(t, i);
        }
        return components(t, s, l);
    }

    /**
     * @return true if every two terminals that share a component in {@code full} share one in {@code part}
     *     (terminals absent from {@code part} count as cut off)
     */
    public static boolean keepsTerminalsTogether(TopologySnapshot t, int[] full, int[] part, boolean[] partSwitches) {
        boolean[] terminal = terminals(t);
        int[] partOfFull = new int[t.switchCount()];
        Arrays.fill(partOfFull, -1);
        for (int s = 0; s < terminal.length; s++) {
            if (!terminal[s] || !PowerStates.isSwitchAvailable(t, s)) {
                continue;
            }
            if (!partSwitches[s]) {
                return false;
            }
            int f = full[s];
            if (partOfFull[f] < 0) {
                partOfFull[f] = part[s];
            } else if (partOfFull[f] != part[s]) {
                return false;
            }
        }
        return true;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
