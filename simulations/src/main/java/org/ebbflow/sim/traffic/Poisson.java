package org.ebbflow.sim.traffic;

import java.util.SplittableRandom;

/** Poisson variates: exact (Knuth's product method) for small means, the normal approximation for large ones. */
final class Poisson {
    /** Above this mean the normal approximation is used. */
    static final double EXACT_LIMIT = 30;

    private Poisson() {
    }

    /** @return a Poisson variate of the given mean (0 for a mean of 0 or less) */
    static long sample(double mean, SplittableRandom random) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean > EXACT_LIMIT) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        long k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }
}
