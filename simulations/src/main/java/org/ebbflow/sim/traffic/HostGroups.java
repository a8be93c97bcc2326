package org.ebbflow.sim.traffic;

import java.util.SplittableRandom;

import org.ebbflow.topology.TopologySnapshot;

/**
 * Picks peers for a host by distance: rack (same switch), pod (same pod, another switch) or remote (another pod, or
 * any other switch where there are no pods). Built once per topology in O(hosts); a pick costs O(1) expected.
 */
final class HostGroups {
    private static final int TRIES = 32;

    private final int hosts;
    private final int[] hostSwitch;
    private final int[] hostPod;
    private final int[] bySwitchStart;
    private final int[] bySwitch;
    private final int[] byPodStart;
    private final int[] byPod;
    private final int[] rackSize;
    private final int[] podSize;
    private final boolean hasPods;

    HostGroups(TopologySnapshot t) {
        hosts = t.hostCount();
        int n = t.switchCount();
        hostSwitch = new int[hosts];
        hostPod = new int[hosts];
        int pods = 0;
        for (int h = 0; h < hosts; h++) {
            hostSwitch[h] = t.hostSwitch(h);
            hostPod[h] = t.switchAt(hostSwitch[h]).pod();
            pods = Math.max(pods, hostPod[h] + 1);
        }
        hasPods = pods > 0;
        bySwitchStart = new int[n + 1];
        bySwitch = bucket(hostSwitch, n, bySwitchStart);
        int[] podKey = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            podKey[h] = hostPod[h] < 0 ? pods : hostPod[h];
        }
        byPodStart = new int[pods + 2];
        byPod = bucket(podKey, pods + 1, byPodStart);
        rackSize = new int[hosts];
        podSize = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            int s = hostSwitch[h];
            rackSize[h] = bySwitchStart[s + 1] - bySwitchStart[s] - 1;
            podSize[h] = hostPod[h] < 0 ? 0
                    : byPodStart[hostPod[h] + 1] - byPodStart[hostPod[h]] - rackSize[h] - 1;
        }
    }

    private static int[] bucket(int[] key, int buckets, int[] start) {
        for (int k : key) {
            start[k + 1]++;
        }
        for (int i = 0; i < buckets; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = start.clone();
        int[] out = new int[key.length];
        for (int h = 0; h < key.length; h++) {
            out[fill[key[h]]++] = h;
        }
        return out;
    }

    /** @return how many candidates host {@code h} has in group {@code g} */
    int size(int h, int g) {
        switch (g) {
            case Locality.RACK:
                return rackSize[h];
            case Locality.POD:
                return podSize[h];
            default:
                return hosts - 1 - rackSize[h] - podSize[h];
        }
    }

    /** @return the group of {@code b} seen from {@code a} */
    int groupOf(int a, int b) {
        if (hostSwitch[a] == hostSwitch[b]) {
            return Locality.RACK;
        }
        return hasPods && hostPod[a] >= 0 && hostPod[a] == hostPod[b] ? Locality.POD : Locality.REMOTE;
    }

    /**
     * @param h the host
     * @param wanted the group wanted; the next non-empty one in {@link Locality#fallback} order is used if it is empty
     * @return a peer, or -1 if the host is alone in the network
     */
    int pick(int h, int wanted, SplittableRandom r) {
        for (int g : Locality.fallback(wanted)) {
            if (size(h, g) > 0) {
                return pickIn(h, g, r);
            }
        }
        return -1;
    }

    private int pickIn(int h, int g, SplittableRandom r) {
        if (g == Locality.RACK) {
            int s = hostSwitch[h];
            int from = bySwitchStart[s];
            int c = bySwitch[from + r.nextInt(rackSize[h])];
            return c >= h ? nextInRack(h, c) : c;
        }
        if (g == Locality.POD) {
            int p = hostPod[h];
            int from = byPodStart[p];
            int len = byPodStart[p + 1] - from;
            for (int i = 0; i < TRIES; i++) {
                int c = byPod[from + r.nextInt(len)];
                if (hostSwitch[c] != hostSwitch[h]) {
                    return c;
                }
            }
            return scan(h, g, r);
        }
        for (int i = 0; i < TRIES; i++) {
            int c = r.nextInt(hosts);
            if (c != h && groupOf(h, c) == Locality.REMOTE) {
                return c;
            }
        }
        return scan(h, g, r);
    }

    /** The rack list holds h itself: a uniform pick among the others maps h's slot onto the next host. */
    private int nextInRack(int h, int c) {
        if (c != h) {
            return c;
        }
        int s = hostSwitch[h];
        int from = bySwitchStart[s];
        int to = bySwitchStart[s + 1];
        int last = bySwitch[to - 1];
        return last != h ? last : bySwitch[from];
    }

    private int scan(int h, int g, SplittableRandom r) {
        int count = size(h, g);
        int target = r.nextInt(count);
        for (int c = 0; c < hosts; c++) {
            if (c != h && groupOf(h, c) == g && target-- == 0) {
                return c;
            }
        }
        throw new IllegalStateException("no host in group " + g + " of host " + h);
    }
}
