package org.ebbflow.planner.path;

import java.util.Arrays;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A directed path: the links it takes, from a source switch to a destination switch, and its weight under the
 * weigher that found it. The empty path (source equals destination) has weight 0. Immutable.
 */
public final class Path {
    private final int src;
    private final int dst;
    private final int[] links;
    private final double weight;

    private Path(int src, int dst, int[] links, double weight) {
        this.src = src;
        this.dst = dst;
        this.links = links;
        this.weight = weight;
    }

    /**
     * @param src the source switch
     * @param dst the destination switch
     * @param links link indices in order, copied
     * @param weight the sum of the links' weights
     */
    public static Path of(int src, int dst, int[] links, double weight) {
        return new Path(src, dst, links.clone(), weight);
    }

    /** Builds from a range of an array without the defensive copy's second pass. */
    static Path ofRange(int src, int dst, int[] buffer, int from, int to, double weight) {
        return new Path(src, dst, Arrays.copyOfRange(buffer, from, to), weight);
    }

    /** @return the source switch index */
    public int src() {
        return src;
    }

    /** @return the destination switch index */
    public int dst() {
        return dst;
    }

    /** @return the number of links */
    public int length() {
        return links.length;
    }

    /** @return the {@code i}-th link index */
    public int linkAt(int i) {
        return links[i];
    }

    /** @return a copy of the link indices */
    public int[] links() {
        return links.clone();
    }

    /** @return the weight under the weigher that found the path */
    public double weight() {
        return weight;
    }

    /** @return the switches visited, source first: {@code length() + 1} of them */
    public int[] switches(TopologySnapshot topology) {
        int[] s = new int[links.length + 1];
        s[0] = src;
        for (int i = 0; i < links.length; i++) {
            s[i + 1] = topology.linkDst(links[i]);
        }
        return s;
    }

    /** @return true if this path has the same links in the same order as {@code other} */
    public boolean sameLinks(Path other) {
        return Arrays.equals(links, other.links);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Path)) {
            return false;
        }
        Path p = (Path) o;
        return src == p.src && dst == p.dst && Arrays.equals(links, p.links)
                && Double.compare(weight, p.weight) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(links) * 31 + src;
    }

    @Override
    public String toString() {
        return "Path{" + src + "->" + dst + " via " + Arrays.toString(links) + ", weight " + weight + "}";
    }
}
