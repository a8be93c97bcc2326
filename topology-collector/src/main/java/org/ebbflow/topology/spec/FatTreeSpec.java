package org.ebbflow.topology.spec;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;

/** {@code fat-tree:k=K[,rate=R][,hostRate=R]}: a k-ary fat-tree from {@link FatTree}. */
final class FatTreeSpec extends TopologySpec {
    private static final String[] REQUIRED = {"k"};

    private final int k;
    private final long switchLinkBps;
    private final long hostLinkBps;

    private FatTreeSpec(int k, long switchLinkBps, long hostLinkBps) {
        this.k = k;
        this.switchLinkBps = switchLinkBps;
        this.hostLinkBps = hostLinkBps;
    }

    static FatTreeSpec parseBody(String body) {
        SpecParams p = SpecParams.of(Kind.FAT_TREE.token(), SpecParams.split(body), REQUIRED,
                "rate", "hostRate");
        int k = p.requiredInt("k");
        try {
            FatTree.checkK(k);
        } catch (IllegalArgumentException e) {
            throw new TopologySpecException(e.getMessage());
        }
        return new FatTreeSpec(k, p.rateOr("rate", FatTree.DEFAULT_LINK_BPS),
                p.rateOr("hostRate", FatTree.DEFAULT_LINK_BPS));
    }

    @Override
    public Kind kind() {
        return Kind.FAT_TREE;
    }

    @Override
    public TopologySnapshot build() {
        return FatTree.build(k, switchLinkBps, hostLinkBps);
    }

    @Override
    public String toString() {
        return Kind.FAT_TREE.token() + ":k=" + k + ",rate=" + SpecParams.rate(switchLinkBps)
                + ",hostRate=" + SpecParams.rate(hostLinkBps);
    }
}
