package org.ebbflow.planner.route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.planner.path.KPathComputer;
import org.ebbflow.planner.path.Path;

/**
 * Candidates from a {@link KPathComputer}, computed once per switch pair and cached as one packed int array
 * ({@code [count, minLength, len₀, links…, len₁, links…]}). The path computer's weigher decides which links may appear
 * (routers use available links, asleep ones included, so that a candidate may wake them).
 */
final class CachedCandidates implements CandidateSource {
    private final KPathComputer computer;
    private final int k;
    private final int switchCount;
    private final Map<Long, int[]> cache = new HashMap<>();
    private int[] last;
    private long lastKey = -1;
    private int cursorIndex = -1;
    private int cursorAt;

    CachedCandidates(KPathComputer computer, int k, int switchCount) {
        this.computer = computer;
        this.k = k;
        this.switchCount = switchCount;
    }

    private int[] packed(int src, int dst) {
        long key = (long) src * switchCount + dst;
        if (key == lastKey) {
            return last;
        }
        int[] p = cache.get(key);
        if (p == null) {
            List<Path> paths = computer.paths(src, dst, k);
            int size = 2;
            int min = Integer.MAX_VALUE;
            for (Path path : paths) {
                size += 1 + path.length();
                min = Math.min(min, path.length());
            }
            p = new int[size];
            p[0] = paths.size();
            p[1] = paths.isEmpty() ? 0 : min;
            int at = 2;
            for (Path path : paths) {
                p[at++] = path.length();
                for (int i = 0; i < path.length(); i++) {
                    p[at++] = path.linkAt(i);
                }
            }
            cache.put(key, p);
        }
        lastKey = key;
        last = p;
        cursorIndex = -1;
        return p;
    }

    @Override
    public int count(int src, int dst) {
        return packed(src, dst)[0];
    }

    @Override
    public int fill(int src, int dst, int i, int[] buf) {
        int[] p = packed(src, dst);
        int at = 2;
        int j = 0;
        if (cursorIndex >= 0 && cursorIndex <= i) {
            at = cursorAt;
            j = cursorIndex;
        }
        for (; j < i; j++) {
            at += 1 + p[at];
        }
        cursorIndex = i;
        cursorAt = at;
        int n = p[at];
        System.arraycopy(p, at + 1, buf, 0, n);
        return n;
    }

    @Override
    public int minLength(int src, int dst) {
        return packed(src, dst)[1];
    }
}
