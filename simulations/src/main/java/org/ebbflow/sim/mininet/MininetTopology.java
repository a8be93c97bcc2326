package org.ebbflow.sim.mininet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.SwitchInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.generate.FatTree;
import org.ebbflow.topology.generate.LeafSpine;

/**
 * Which network a Mininet run builds, with the rates of its links. The script reproduces the Java generator's
 * names, datapath ids, MACs, IPs and port numbers exactly, so {@link #expected()} is what the run should look like.
 *
 * @param kind fat-tree or leaf-spine
 * @param k the fat-tree arity (fat-tree only)
 * @param spines spine switches (leaf-spine only)
 * @param leaves leaf switches (leaf-spine only)
 * @param hostsPerLeaf hosts per leaf (leaf-spine only)
 * @param switchLinkMbps switch-link rate in Mbit/s enforced by TCLink, 0 = not shaped
 * @param hostLinkMbps host-link rate in Mbit/s, 0 = not shaped
 */
public record MininetTopology(Kind kind, int k, int spines, int leaves, int hostsPerLeaf, double switchLinkMbps,
                              double hostLinkMbps) {
    /** The topology families the script builds. */
    public enum Kind { FATTREE, LEAFSPINE }

    /** @return a k-ary fat-tree with shaped switch links */
    public static MininetTopology fatTree(int k, double switchLinkMbps) {
        FatTree.checkK(k);
        return new MininetTopology(Kind.FATTREE, k, 0, 0, 0, switchLinkMbps, 0);
    }

    /** @return a leaf-spine with shaped fabric links */
    public static MininetTopology leafSpine(int spines, int leaves, int hostsPerLeaf, double fabricLinkMbps) {
        return new MininetTopology(Kind.LEAFSPINE, 0, spines, leaves, hostsPerLeaf, fabricLinkMbps, 0);
    }

    /** @return the script's topology arguments */
    public List<String> scriptArgs() {
        List<String> a = new ArrayList<>();
        a.add("--topo");
        a.add(kind.name().toLowerCase(Locale.ROOT));
        if (kind == Kind.FATTREE) {
            a.add("--k");
            a.add(Integer.toString(k));
        } else {
            a.addAll(List.of("--spines", Integer.toString(spines), "--leaves", Integer.toString(leaves), "--hosts",
                    Integer.toString(hostsPerLeaf)));
        }
        a.addAll(List.of("--bw", fmt(switchLinkMbps), "--host-bw", fmt(hostLinkMbps)));
        return a;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return the generator's topology: what the run must reproduce (rates 1 Gbit/s where not shaped) */
    public TopologySnapshot expected() {
        long sw = switchLinkMbps > 0 ? Math.round(switchLinkMbps * 1e6) : FatTree.DEFAULT_LINK_BPS;
        long host = hostLinkMbps > 0 ? Math.round(hostLinkMbps * 1e6) : FatTree.DEFAULT_LINK_BPS;
        return kind == Kind.FATTREE ? FatTree.build(k, sw, host) : LeafSpine.build(spines, leaves, hostsPerLeaf,
                sw, host);
    }

    /** @return the switch (bridge) names the run creates */
    public List<String> switchNames() {
        List<String> names = new ArrayList<>();
        for (SwitchInfo s : expected().switches()) {
            names.add(s.name());
        }
        return names;
    }

    /** @return the switch port (interface) names the run creates */
    public List<String> switchPortNames() {
        TopologySnapshot t = expected();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < t.switchCount(); s++) {
            for (PortInfo p : t.portsOf(s)) {
                names.add(p.name());
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return kind == Kind.FATTREE ? "fattree:k=" + k : "leafspine:" + spines + "x" + leaves + "x" + hostsPerLeaf;
    }
}
