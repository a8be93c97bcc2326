package org.ebbflow.planner.policy;

/**
 * The switches and links that must stay awake so that every pair of terminals (switches with hosts, or all switches
 * on host-less topologies) connected in the full topology stays connected, with the requested spare paths.
 * Immutable.
 */
public final class Floor {
    private final String method;
    private final boolean[] switches;
    private final boolean[] links;

    Floor(String method, boolean[] switches, boolean[] links) {
        this.method = method;
        this.switches = switches;
        this.links = links;
    }

    /** @return how the floor was built, e.g. {@code fat-tree} or {@code spanning-forest} */
    public String method() {
        return method;
    }

    /** @return true if switch {@code s} is in the floor */
    public boolean hasSwitch(int s) {
        return switches[s];
    }

    /** @return true if link {@code l} (and its reverse) is in the floor */
    public boolean hasLink(int l) {
        return links[l];
    }

    /** @return the number of switches in the floor */
    public int switchCount() {
        int n = 0;
        for (boolean b : switches) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Marks the floor required in a decision, with a reason naming the method. */
    void requireIn(PowerDecision.Builder d) {
        String reason = "connectivity floor (" + method + ")";
        for (int s = 0; s < switches.length; s++) {
            if (switches[s]) {
                d.requireSwitch(s, reason);
            }
        }
        for (int l = 0; l < links.length; l++) {
            if (links[l]) {
                d.requireLink(l, reason);
            }
        }
    }

    @Override
    public String toString() {
        return "Floor{" + method + ", " + switchCount() + " switches}";
    }
}
