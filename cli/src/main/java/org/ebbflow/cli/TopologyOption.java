package org.ebbflow.cli;

import org.ebbflow.topology.spec.TopologySpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mixin for the required {@code --topology SPEC} option, read with {@link TopologySpec#parse(String)}; it adds the
 * spec grammar to the command's help footer.
 */
@Command(footerHeading = "%nTopology specs:%n", footer = {
    "  fat-tree:k=K[,rate=R][,hostRate=R]                          k even, 2..64",
    "  leaf-spine:spines=S,leaves=L,hosts=H[,rate=R][,hostRate=R]  H hosts per leaf",
    "  graphml:PATH[,rate=R][,hostRate=R][,hostsPerNode=N]         Topology Zoo",
    "  sndlib:PATH                                                 SNDlib XML",
    "Rates are bit/s with an optional K, M, G or T suffix. A PATH may contain commas:",
    "only trailing ,name=value parts are read as options."})
public final class TopologyOption {
    @Option(names = {"-t", "--topology"}, required = true, paramLabel = "SPEC",
            description = "The topology to build or load, e.g. fat-tree:k=8 (see Topology specs below).")
    private String text;

    /**
     * @return the parsed spec
     * @throws org.ebbflow.topology.spec.TopologySpecException if the text is not a valid spec
     */
    public TopologySpec spec() {
        return TopologySpec.parse(text);
    }
}
