package org.ebbflow.sim.net;

/** The 64-bit finaliser of SplitMix64 (Steele et al., OOPSLA 2014): cheap, well-spread hashes for ECMP choices. */
public final class Hashes {
    private Hashes() {
    }

    /** @return the mixed value */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
