package org.ebbflow.sim;

import java.util.Arrays;

/**
 * The path hash of every host pair in the previous step, to count flow-rule changes: two open-addressing tables
 * (this step's and the last's) swapped each step, so memory follows the pairs of one step. Not thread-safe.
 */
final class PathMemory {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] prevKeys = new long[0];
    private long[] prevHash = new long[0];
    private long[] keys = new long[0];
    private long[] hashes = new long[0];
    private int size;

    /** Starts a step that will hold up to {@code expected} pairs; the last step's table becomes the previous one. */
    void startStep(int expected) {
        long[] k = prevKeys;
        long[] h = prevHash;
        prevKeys = keys;
        prevHash = hashes;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2)) * 2;
        if (k.length != cap) {
            k = new long[cap];
            h = new long[cap];
        }
        Arrays.fill(k, EMPTY);
        keys = k;
        hashes = h;
        size = 0;
    }

    /**
     * Records a pair's path for this step.
     *
     * @return true if the pair had a different path in the previous step (a rule change); false if it had the same,
     *     or was not there
     */
    boolean record(long pairKey, long pathHash) {
        int mask = keys.length - 1;
        int i = slot(pairKey, mask);
        while (keys[i] != EMPTY && keys[i] != pairKey) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            if (size * 2 >= keys.length) {
                return false;
            }
            keys[i] = pairKey;
            size++;
        }
        hashes[i] = pathHash;
        if (prevKeys.length == 0) {
            return false;
        }
        int pm = prevKeys.length - 1;
        int j = slot(pairKey, pm);
        while (prevKeys[j] != EMPTY) {
            if (prevKeys[j] == pairKey) {
                return prevHash[j] != pathHash;
            }
            j = (j + 1) & pm;
        }
        return false;
    }

    private static int slot(long key, int mask) {
        return (int) (org.ebbflow.sim.net.Hashes.mix(key) & mask);
    }
}
