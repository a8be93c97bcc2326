package org.ebbflow.planner.cycle;

import java.util.Arrays;
import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.planner.policy.LinkSeriesMapping;
import org.ebbflow.topology.TopologySnapshot;

/**
 * The directed links of a snapshot whose two ports the statistics registry knows, as the source and destination port
 * indices a {@link org.ebbflow.flowstats.features.FeatureExtractor#links} window needs, plus the mapping from that
 * batch back to the snapshot's links. Links with an unregistered port (never polled) are left out: they have no
 * series. Immutable.
 */
public final class LinkSeries {
    private final int[] links;
    private final int[] srcPorts;
    private final int[] dstPorts;
    private final LinkSeriesMapping mapping;

    private LinkSeries(int[] links, int[] srcPorts, int[] dstPorts, LinkSeriesMapping mapping) {
        this.links = links;
        this.srcPorts = srcPorts;
        this.dstPorts = dstPorts;
        this.mapping = mapping;
    }

    /**
     * O(links).
     *
     * @param topology the snapshot
     * @param registry the statistics' port numbering
     * @return the snapshot's links with both ports registered, in link order
     */
    public static LinkSeries of(TopologySnapshot topology, PortRegistry registry) {
        int n = topology.linkCount();
        int[] links = new int[n];
        int[] src = new int[n];
        int[] dst = new int[n];
        int b = 0;
        for (int l = 0; l < n; l++) {
            int s = registry.indexOf(topology.link(l).src());
            int d = registry.indexOf(topology.link(l).dst());
            if (s >= 0 && d >= 0) {
                links[b] = l;
                src[b] = s;
                dst[b] = d;
                b++;
            }
        }
        LinkSeriesMapping.Builder m = LinkSeriesMapping.builder(topology, b);
        for (int i = 0; i < b; i++) {
            m.map(i, topology.link(links[i]).key());
        }
        return new LinkSeries(Arrays.copyOf(links, b), Arrays.copyOf(src, b), Arrays.copyOf(dst, b), m.build());
    }

    /** @return the number of series */
    public int size() {
        return links.length;
    }

    /** @return the snapshot link of series {@code b} */
    public int link(int b) {
        return links[b];
    }

    /** @return source port indices in batch order; a copy */
    public int[] srcPorts() {
        return srcPorts.clone();
    }

    /** @return destination port indices in batch order; a copy */
    public int[] dstPorts() {
        return dstPorts.clone();
    }

    /** @return the mapping from batch order to the snapshot's links */
    public LinkSeriesMapping mapping() {
        return mapping;
    }
}
