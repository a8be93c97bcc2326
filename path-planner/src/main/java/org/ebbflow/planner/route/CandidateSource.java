package org.ebbflow.planner.route;

/**
 * Candidate paths between two switches, numbered 0..count−1 in preference order ("leftmost" first), produced on
 * demand into a caller's buffer so that judging candidates allocates nothing.
 */
interface CandidateSource {
    /** @return the number of candidates from {@code src} to {@code dst}; 0 if none exists */
    int count(int src, int dst);

    /**
     * @param i a candidate number below {@link #count}
     * @param buf receives the links, from index 0
     * @return the number of links written, or −1 if this candidate is missing a link in the snapshot
     */
    int fill(int src, int dst, int i, int[] buf);

    /** @return the fewest links of any candidate, for latency-sensitive demands; 0 if {@code src == dst} */
    int minLength(int src, int dst);
}
