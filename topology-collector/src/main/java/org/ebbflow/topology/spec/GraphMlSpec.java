package org.ebbflow.topology.spec;

import java.nio.file.Path;
import java.util.List;

import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.io.GraphMlLoader;

/**
 * {@code graphml:PATH[,rate=R][,hostRate=R][,hostsPerNode=N]}: a Topology Zoo GraphML file read by
 * {@link GraphMlLoader}; options left out keep the loader's defaults.
 */
final class GraphMlSpec extends TopologySpec {
    /** The loader's limit on hosts per node (addresses use one byte per index). */
    static final int MAX_HOSTS_PER_NODE = 254;
    private static final String[] REQUIRED = {};

    private final String pathText;
    private final Path path;
    private final Long linkBps;
    private final Long hostLinkBps;
    private final Integer hostsPerNode;

    private GraphMlSpec(String pathText, Path path, Long linkBps, Long hostLinkBps, Integer hostsPerNode) {
        this.pathText = pathText;
        this.path = path;
        this.linkBps = linkBps;
        this.hostLinkBps = hostLinkBps;
        this.hostsPerNode = hostsPerNode;
    }

    static GraphMlSpec parseBody(String body) {
        String kind = Kind.GRAPHML.token();
        List<String> parts = SpecParams.splitPathAndOptions(body);
        SpecParams p = SpecParams.of(kind, parts.subList(1, parts.size()), REQUIRED,
                "rate", "hostRate", "hostsPerNode");
        Long rate = p.has("rate") ? p.rateOr("rate", 0) : null;
        Long hostRate = p.has("hostRate") ? p.rateOr("hostRate", 0) : null;
        Integer hosts = null;
        if (p.has("hostsPerNode")) {
            hosts = p.intOr("hostsPerNode", 0);
            p.checkRange("hostsPerNode", hosts, 0, MAX_HOSTS_PER_NODE);
        }
        Path path = FileSpecs.existingFile(kind, parts.get(0));
        return new GraphMlSpec(parts.get(0), path, rate, hostRate, hosts);
    }

    @Override
    public Kind kind() {
        return Kind.GRAPHML;
    }

    @Override
    public TopologySnapshot build() {
        GraphMlLoader.Options options = GraphMlLoader.Options.defaults();
        if (linkBps != null) {
            options = options.withDefaultLinkBps(linkBps);
        }
        if (hostLinkBps != null) {
            options = options.withHostLinkBps(hostLinkBps);
        }
        if (hostsPerNode != null) {
            options = options.withHostsPerNode(hostsPerNode);
        }
        return GraphMlLoader.load(path, options);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Kind.GRAPHML.token()).append(':').append(pathText);
        if (linkBps != null) {
            s.append(",rate=").append(SpecParams.rate(linkBps));
        }
        if (hostLinkBps != null) {
            s.append(",hostRate=").append(SpecParams.rate(hostLinkBps));
        }
        if (hostsPerNode != null) {
            s.append(",hostsPerNode=").append(hostsPerNode);
        }
        return s.toString();
    }
}
