package org.ebbflow.sim.net;

import java.util.Arrays;

/**
 * The paths of one step's demands, flat: each entry is a share of one demand on one path (a list of fabric link
 * numbers, access links included). A demand has one entry per path it is split over; an entry without links means
 * the demand has no route. Reused from step to step.
 */
public final class RoutedPaths {
    private int entries;
    private int[] demand = new int[1024];
    private double[] weight = new double[1024];
    private int[] start = new int[1024];
    private int[] length = new int[1024];
    private long[] hash = new long[1024];
    private int linkCount;
    private int[] links = new int[8192];
    private boolean open;

    /** Removes every entry. */
    public void clear() {
        entries = 0;
        linkCount = 0;
        open = false;
    }

    /**
     * Starts an entry; add its links with {@link #add} and close it with {@link #end}.
     *
     * @param d the demand's index in its batch
     * @param share the share of the demand on this path, in (0, 1]
     */
    public void begin(int d, double share) {
        if (open) {
            throw new IllegalStateException("entry not ended");
        }
        if (entries == demand.length) {
            int n = entries * 2;
            demand = Arrays.copyOf(demand, n);
            weight = Arrays.copyOf(weight, n);
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            hash = Arrays.copyOf(hash, n);
        }
        demand[entries] = d;
        weight[entries] = share;
        start[entries] = linkCount;
        open = true;
    }

    /** Appends a link to the open entry. */
    public void add(int link) {
        if (linkCount == links.length) {
            links = Arrays.copyOf(links, linkCount * 2);
        }
        links[linkCount++] = link;
    }

    /** Closes the open entry. */
    public void end() {
        int s = start[entries];
        long h = 0x9E3779B97F4A7C15L;
        for (int i = s; i < linkCount; i++) {
            h = Hashes.mix(h ^ links[i]);
        }
        length[entries] = linkCount - s;
        hash[entries] = h;
        entries++;
        open = false;
    }

    /** Records that demand {@code d} has no route: an entry without links. */
    public void unroutable(int d) {
        begin(d, 1);
        end();
    }

    /** @return the number of entries */
    public int entries() {
        return entries;
    }

    /** @return the demand of entry e */
    public int demand(int e) {
        return demand[e];
    }

    /** @return the share of its demand entry e carries */
    public double share(int e) {
        return weight[e];
    }

    /** @return the number of links of entry e (0 = no route) */
    public int length(int e) {
        return length[e];
    }

    /** @return the i-th link of entry e */
    public int link(int e, int i) {
        return links[start[e] + i];
    }

    /** @return the position of entry e's first link in {@link #linkArray()} */
    public int start(int e) {
        return start[e];
    }

    /** @return the backing link array (entries' links at {@link #start}); valid until the next change */
    public int[] linkArray() {
        return links;
    }

    /** @return a hash of entry e's link list, to tell whether a path changed */
    public long pathHash(int e) {
        return hash[e];
    }
}
