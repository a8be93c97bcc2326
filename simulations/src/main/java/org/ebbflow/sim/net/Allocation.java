package org.ebbflow.sim.net;

import java.util.Arrays;

import org.ebbflow.sim.traffic.DemandBatch;

/**
 * Puts one step's routed demands on the links: what each path is offered (the share of the step its elements were
 * up), what it delivers after congestion, and what every link carries. Traffic on a path through an element that is
 * down is lost at the source (it loads no link); traffic cut by congestion is dropped at the path's most loaded link.
 * Reused from step to step; O(entries × path length) per step, plus the max-min rounds when links are
 * oversubscribed.
 */
public final class Allocation {
    /** The most progressive-filling rounds of {@link CongestionModel#MAX_MIN}. */
    public static final int MAX_MIN_ROUNDS = 64;
    private static final double EPS = 1e-9;

    private final Fabric fabric;
    private final double[] offered;
    private final double[] carried;
    private final double[] droppedBits;
    private final double[] effectiveCap;
    private final byte[] classMask;
    private double[] entryOffered = new double[1024];
    private double[] entryDelivered = new double[1024];
    private double offeredBps;
    private double availableBps;
    private double deliveredBps;
    private double unroutedBps;
    private int unroutedDemands;

    private double[] remaining;
    private int[] openCount;
    private boolean[] frozen = new boolean[0];

    /** @param fabric the network whose links are loaded */
    public Allocation(Fabric fabric) {
        this.fabric = fabric;
        int f = fabric.linkCount();
        offered = new double[f];
        carried = new double[f];
        droppedBits = new double[f];
        effectiveCap = new double[f];
        classMask = new byte[f];
    }

    /**
     * Computes the step.
     *
     * @param demands the step's demands
     * @param paths their entries
     * @param upFraction per fabric link, the share of the step it was up (0..1)
     * @param model how congestion cuts rates
     * @param stepSeconds the step's length, for dropped volumes
     */
    public void compute(DemandBatch demands, RoutedPaths paths, double[] upFraction, CongestionModel model,
                        double stepSeconds) {
        int f = offered.length;
        Arrays.fill(offered, 0);
        Arrays.fill(carried, 0);
        Arrays.fill(droppedBits, 0);
        Arrays.fill(classMask, (byte) 0);
        for (int i = 0; i < f; i++) {
            effectiveCap[i] = fabric.capacityBps(i) * upFraction[i];
        }
        int n = paths.entries();
        if (entryOffered.length < n) {
            entryOffered = new double[Math.max(n, entryOffered.length * 2)];
            entryDelivered = new double[entryOffered.length];
        }
        int[] links = paths.linkArray();
        offeredBps = demands.totalBps();
        availableBps = 0;
        unroutedBps = 0;
        unroutedDemands = 0;
        for (int e = 0; e < n; e++) {
            double bps = demands.bps(paths.demand(e)) * paths.share(e);
            int len = paths.length(e);
            if (len == 0) {
                unroutedBps += bps;
                unroutedDemands++;
                entryOffered[e] = 0;
                entryDelivered[e] = 0;
                continue;
            }
            int s = paths.start(e);
            double avail = 1;
            for (int i = s; i < s + len; i++) {
                avail = Math.min(avail, upFraction[links[i]]);
            }
            double o = bps * avail;
            entryOffered[e] = o;
            availableBps += o;
            byte bit = (byte) (1 << demands.classOrdinal(paths.demand(e)));
            for (int i = s; i < s + len; i++) {
                offered[links[i]] += o;
                classMask[links[i]] |= bit;
            }
        }
        if (model == CongestionModel.MAX_MIN) {
            maxMin(paths, n);
        } else {
            proportional(paths, n);
        }
        deliveredBps = 0;
        for (int e = 0; e < n; e++) {
            double del = entryDelivered[e];
            deliveredBps += del;
            int s = paths.start(e);
            int len = paths.length(e);
            if (len == 0) {
                continue;
            }
            int worst = links[s];
            double worstRatio = -1;
            for (int i = s; i < s + len; i++) {
                int l = links[i];
                carried[l] += del;
                double r = offered[l] / Math.max(EPS, effectiveCap[l]);
                if (r > worstRatio) {
                    worstRatio = r;
                    worst = l;
                }
            }
            double cut = entryOffered[e] - del;
            if (cut > 0) {
                droppedBits[worst] += cut * stepSeconds;
            }
        }
    }

    private void proportional(RoutedPaths paths, int n) {
        int[] links = paths.linkArray();
        for (int e = 0; e < n; e++) {
            double o = entryOffered[e];
            if (o <= 0) {
                entryDelivered[e] = 0;
                continue;
            }
            int s = paths.start(e);
            double ratio = 1;
            for (int i = s; i < s + paths.length(e); i++) {
                int l = links[i];
                if (offered[l] > effectiveCap[l]) {
                    ratio = Math.min(ratio, effectiveCap[l] / offered[l]);
                }
            }
            entryDelivered[e] = o * ratio;
        }
    }

    private void maxMin(RoutedPaths paths, int n) {
        int[] links = paths.linkArray();
        if (frozen.length < n) {
            frozen = new boolean[Math.max(n, frozen.length * 2)];
        }
        if (remaining == null) {
            remaining = new double[offered.length];
            openCount = new int[offered.length];
        }
        System.arraycopy(effectiveCap, 0, remaining, 0, offered.length);
        Arrays.fill(openCount, 0);
        int open = 0;
        for (int e = 0; e < n; e++) {
            entryDelivered[e] = 0;
            frozen[e] = true;
            double o = entryOffered[e];
            if (o <= 0) {
                continue;
            }
            int s = paths.start(e);
            boolean congested = false;
            for (int i = s; i < s + paths.length(e); i++) {
                congested |= offered[links[i]] > effectiveCap[links[i]] * (1 + EPS);
            }
            if (!congested) {
                entryDelivered[e] = o;
                for (int i = s; i < s + paths.length(e); i++) {
                    remaining[links[i]] -= o;
                }
            } else {
                frozen[e] = false;
                open++;
                for (int i = s; i < s + paths.length(e); i++) {
                    openCount[links[i]]++;
                }
            }
        }
        for (int round = 0; round < MAX_MIN_ROUNDS && open > 0; round++) {
            double delta = Double.POSITIVE_INFINITY;
            for (int e = 0; e < n; e++) {
                if (frozen[e]) {
                    continue;
                }
                delta = Math.min(delta, entryOffered[e] - entryDelivered[e]);
                int s = paths.start(e);
                for (int i = s; i < s + paths.length(e); i++) {
                    int l = links[i];
                    delta = Math.min(delta, Math.max(0, remaining[l]) / openCount[l]);
                }
            }
            for (int e = 0; e < n; e++) {
                if (!frozen[e]) {
                    entryDelivered[e] += delta;
                    int s = paths.start(e);
                    for (int i = s; i < s + paths.length(e); i++) {
                        remaining[links[i]] -= delta;
                    }
                }
            }
            for (int e = 0; e < n; e++) {
                if (frozen[e]) {
                    continue;
                }
                int s = paths.start(e);
                boolean stop = entryDelivered[e] >= entryOffered[e] * (1 - EPS);
                for (int i = s; i < s + paths.length(e) && !stop; i++) {
                    int l = links[i];
                    stop = remaining[l] <= effectiveCap[l] * EPS + EPS;
                }
                if (stop) {
                    frozen[e] = true;
                    open--;
                    for (int i = s; i < s + paths.length(e); i++) {
                        openCount[links[i]]--;
                    }
                }
            }
        }
    }

    /** @return the rate entry e delivered end to end in the last step, bits per second */
    public double entryDeliveredBps(int e) {
        return entryDelivered[e];
    }

    /** @return the rate offered to link f over the step (its demand after availability), bits per second */
    public double offeredBps(int f) {
        return offered[f];
    }

    /** @return the rate link f carried over the step, bits per second */
    public double carriedBps(int f) {
        return carried[f];
    }

    /** @return bits dropped at link f during the step (congestion cut attributed to a path's worst link) */
    public double droppedBits(int f) {
        return droppedBits[f];
    }

    /** @return link f's capacity times the share of the step it was up, bits per second */
    public double effectiveCapacityBps(int f) {
        return effectiveCap[f];
    }

    /** @return the task classes on link f as a bit mask of class ordinals */
    public int classMask(int f) {
        return classMask[f];
    }

    /** @return the step's total demand, bits per second */
    public double offeredBps() {
        return offeredBps;
    }

    /** @return the demand whose paths were up, bits per second */
    public double availableBps() {
        return availableBps;
    }

    /** @return the rate delivered end to end, bits per second */
    public double deliveredBps() {
        return deliveredBps;
    }

    /** @return demand that had no route at all, bits per second */
    public double unroutedBps() {
        return unroutedBps;
    }

    /** @return the number of entries without a route */
    public int unroutedDemands() {
        return unroutedDemands;
    }
}
