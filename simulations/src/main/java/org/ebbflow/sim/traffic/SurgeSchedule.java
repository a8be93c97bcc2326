package org.ebbflow.sim.traffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Flash crowds: {@code count} surges spread over a run, one per equal slice of it at a random time within the slice's
 * middle half. Each multiplies the send rate of a random subset of containers by a factor, ramping up and down
 * linearly over {@link #RAMP_MILLIS}. Immutable.
 */
public final class SurgeSchedule {
    /** Ramp length at each end of a surge, milliseconds. */
    public static final long RAMP_MILLIS = 60_000;

    private final List<Surge> surges;

    private SurgeSchedule(List<Surge> surges) {
        this.surges = Collections.unmodifiableList(surges);
    }

    /** @return a schedule without surges */
    public static SurgeSchedule none() {
        return new SurgeSchedule(new ArrayList<>());
    }

    /**
     * @param count number of surges, 0 for none
     * @param runStartMillis start of the run, epoch milliseconds
     * @param runMillis length of the run
     * @param surgeMillis length of each surge (shortened to its slice of the run if longer)
     * @param hostFraction share of hosts each surge hits, in (0, 1]
     * @param factor rate multiplier at the surge's height, at least 1
     * @param hosts number of hosts
     * @param random where the times and hosts come from
     */
    public static SurgeSchedule random(int count, long runStartMillis, long runMillis, long surgeMillis,
                                       double hostFraction, double factor, int hosts, SplittableRandom random) {
        List<Surge> out = new ArrayList<>();
        if (count <= 0 || hosts == 0) {
            return new SurgeSchedule(out);
        }
        long slice = runMillis / count;
        long length = Math.max(1, Math.min(surgeMillis, slice));
        int targets = Math.max(1, (int) Math.ceil(hostFraction * hosts));
        for (int i = 0; i < count; i++) {
            long freeRoom = Math.max(0, slice - length);
            long start = runStartMillis + i * slice + freeRoom / 4 + (long) (random.nextDouble() * freeRoom / 2);
            int[] chosen = sample(hosts, targets, random);
            out.add(new Surge(start, start + length, factor, chosen));
        }
        return new SurgeSchedule(out);
    }

    /** Partial Fisher-Yates: {@code k} distinct hosts of {@code n}, sorted. */
    private static int[] sample(int n, int k, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, k);
        Arrays.sort(chosen);
        return chosen;
    }

    /** @return the surges in time order */
    public List<Surge> surges() {
        return surges;
    }

    /**
     * Multiplies {@code factors[h]} by each surge's factor at {@code atMillis} for the hosts it hits.
     *
     * @param factors one multiplier per host, updated in place
     */
    public void apply(double[] factors, long atMillis) {
        for (Surge s : surges) {
            double f = s.factorAt(atMillis);
            if (f != 1) {
                for (int h : s.hosts) {
                    factors[h] *= f;
                }
            }
        }
    }

    /** One flash crowd. */
    public static final class Surge {
        private final long startMillis;
        private final long endMillis;
        private final double factor;
        private final int[] hosts;

        Surge(long startMillis, long endMillis, double factor, int[] hosts) {
            this.startMillis = startMillis;
            this.endMillis = endMillis;
            this.factor = factor;
            this.hosts = hosts;
        }

        /** @return when it starts ramping up, epoch milliseconds */
        public long startMillis() {
            return startMillis;
        }

        /** @return when it has ramped down, epoch milliseconds */
        public long endMillis() {
            return endMillis;
        }

        /** @return the multiplier at its height */
        public double factor() {
            return factor;
        }

        /** @return the hosts it hits, sorted (a copy) */
        public int[] hosts() {
            return hosts.clone();
        }

        /** @return the multiplier at {@code t}: 1 outside, ramping linearly at both ends */
        public double factorAt(long t) {
            if (t < startMillis || t >= endMillis) {
                return 1;
            }
            long ramp = Math.min(RAMP_MILLIS, (endMillis - startMillis) / 2);
            double height = 1;
            if (ramp > 0) {
                height = Math.min(1, Math.min((t - startMillis) / (double) ramp, (endMillis - t) / (double) ramp));
            }
            return 1 + (factor - 1) * height;
        }
    }
}
