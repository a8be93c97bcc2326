package org.ebbflow.planner.path;

/**
 * One path between two switches of the topology an implementation was built for, under its weigher. Implementations
 * reuse internal buffers and are not thread-safe; make one per thread.
 */
public interface PathComputer {
    /**
     * @param src the source switch index
     * @param dst the destination switch index
     * @return a path of viable links, the empty path if {@code src == dst}, or null if no viable path exists
     * @throws IndexOutOfBoundsException if a switch index is out of range
     */
    Path path(int src, int dst);
}
