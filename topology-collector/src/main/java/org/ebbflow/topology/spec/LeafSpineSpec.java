package org.ebbflow.topology.spec;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.LeafSpine;

/**
 * {@code leaf-spine:spines=S,leaves=L,hosts=H[,rate=R][,hostRate=R]}: a leaf-spine fabric from {@link LeafSpine},
 * with H hosts on every leaf.
 */
final class LeafSpineSpec extends TopologySpec {
    /** Default capacity of leaf-spine links, 40 Gbit/s. */
    static final long DEFAULT_FABRIC_BPS = 40_000_000_000L;
    /** Default capacity of host access links, 10 Gbit/s. */
    static final long DEFAULT_HOST_BPS = 10_000_000_000L;
    private static final String[] REQUIRED = {"spines", "leaves", "hosts"};

    private final int spines;
    private final int leaves;
    private final int hostsPerLeaf;
    private final long fabricLinkBps;
    private final long hostLinkBps;

    private LeafSpineSpec(int spines, int leaves, int hostsPerLeaf, long fabricLinkBps, long hostLinkBps) {
        this.spines = spines;
        this.leaves = leaves;
        this.hostsPerLeaf = hostsPerLeaf;
        this.fabricLinkBps = fabricLinkBps;
        this.hostLinkBps = hostLinkBps;
    }

    static LeafSpineSpec parseBody(String body) {
        SpecParams p = SpecParams.of(Kind.LEAF_SPINE.token(), SpecParams.split(body), REQUIRED,
                "rate", "hostRate");
        int spines = p.requiredInt("spines");
        int leaves = p.requiredInt("leaves");
        int hosts = p.requiredInt("hosts");
        p.checkRange("spines", spines, 1, LeafSpine.MAX_COUNT);
        p.checkRange("leaves", leaves, 1, LeafSpine.MAX_COUNT);
        p.checkRange("hosts", hosts, 0, LeafSpine.MAX_COUNT);
        return new LeafSpineSpec(spines, leaves, hosts, p.rateOr("rate", DEFAULT_FABRIC_BPS),
                p.rateOr("hostRate", DEFAULT_HOST_BPS));
    }

    @Override
    public Kind kind() {
        return Kind.LEAF_SPINE;
    }

    @Override
    public TopologySnapshot build() {
        return LeafSpine.build(spines, leaves, hostsPerLeaf, fabricLinkBps, hostLinkBps);
    }

    @Override
    public String toString() {
        return Kind.LEAF_SPINE.token() + ":spines=" + spines + ",leaves=" + leaves + ",hosts=" + hostsPerLeaf
                + ",rate=" + SpecParams.rate(fabricLinkBps) + ",hostRate=" + SpecParams.rate(hostLinkBps);
    }
}
