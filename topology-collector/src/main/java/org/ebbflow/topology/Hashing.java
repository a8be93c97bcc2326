package org.ebbflow.topology;

/** Hash mixing for ids whose values differ only in a few structured bits (generated dpids, MACs, port numbers). */
final class Hashing {
    private Hashing() {
    }

    /**
     * The finaliser of MurmurHash3 (fmix64): every input bit affects every output bit, so ids such as
     * {@code 00:00:00:<pod>:<edge>:<host>} spread over a hash table instead of piling into a few buckets.
     */
    static int mix(long v) {
        long h = v;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
