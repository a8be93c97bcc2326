package org.ebbflow.planner.path;

import java.util.List;

/**
 * Several loopless paths between two switches, in order of non-decreasing weight. Implementations reuse internal
 * buffers and are not thread-safe.
 */
public interface KPathComputer {
    /**
     * @param src the source switch index
     * @param dst the destination switch index
     * @param k the most paths wanted, at least 1
     * @return up to {@code k} distinct loopless paths of viable links, lightest first; a single empty path if
     *     {@code src == dst}; empty if {@code dst} is unreachable
     * @throws IllegalArgumentException if {@code k < 1}
     */
    List<Path> paths(int src, int dst, int k);
}
