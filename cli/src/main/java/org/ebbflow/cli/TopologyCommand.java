package org.ebbflow.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ebbflow.topology.BitRate;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.TopologySummary;
import org.ebbflow.topology.io.SndlibNetwork;
import org.ebbflow.topology.spec.TopologySpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ebbflow topology}: builds or loads a topology and prints its headline figures. */
@Command(name = "topology", description = {"Build or load a topology and print its headline figures.",
    "Switches, hosts, links, switch-graph diameter in hops and total capacity."})
public final class TopologyCommand extends EbbflowSubcommand {
    @Mixin
    private TopologyOption topology;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        TopologySpec spec = topology.spec();
        long start = System.nanoTime();
        SndlibNetwork sndlib = spec.kind() == TopologySpec.Kind.SNDLIB ? spec.loadSndlib() : null;
        TopologySnapshot snapshot = sndlib != null ? sndlib.snapshot() : spec.build();
        TopologySummary summary = TopologySummary.of(snapshot);
        log().info("built {} in {} ms", spec, (System.nanoTime() - start) / 1_000_000);
        if (json.enabled()) {
            json.print(out(), fields(spec, summary, sndlib));
        } else {
            printText(out(), spec, summary, sndlib);
        }
        return ExitCodes.OK;
    }

    /**
     * @param sndlib the SNDlib network the snapshot came from, or null for other kinds
     * @return the JSON fields; capacities and demands in bits per second, switch links undirected; SNDlib networks
     *     add {@code demands} (their number) and {@code demandBps} (their sum)
     */
    static Map<String, Object> fields(TopologySpec spec, TopologySummary s, SndlibNetwork sndlib) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec.toString());
        m.put("kind", spec.kind().token());
        m.put("switches", s.switches());
        m.put("hosts", s.hosts());
        m.put("switchLinks", s.switchLinks());
        m.put("hostLinks", s.hostLinks());
        m.put("diameterHops", s.diameterHops());
        m.put("switchCapacityBps", s.switchCapacityBps());
        m.put("hostCapacityBps", s.hostCapacityBps());
        if (sndlib != null) {
            m.put("demands", sndlib.demands().size());
            m.put("demandBps", totalDemandBps(sndlib));
        }
        return m;
    }

    private static double totalDemandBps(SndlibNetwork sndlib) {
        double sum = 0;
        for (SndlibNetwork.Demand d : sndlib.demands()) {
            sum += d.bps();
        }
        return sum;
    }

    private static void printText(PrintWriter out, TopologySpec spec, TopologySummary s, SndlibNetwork sndlib) {
        String row = "%-16s %s%n";
        out.printf(row, "topology", spec);
        out.printf(row, "switches", s.switches());
        out.printf(row, "hosts", s.hosts());
        out.printf(row, "switch links", s.switchLinks());
        out.printf(row, "host links", s.hostLinks());
        out.printf(row, "diameter", s.diameterHops() + " hops");
        out.printf(row, "switch capacity", BitRate.format(s.switchCapacityBps()) + "bit/s");
        out.printf(row, "host capacity", BitRate.format(s.hostCapacityBps()) + "bit/s");
        if (sndlib != null) {
            out.printf(row, "demands", sndlib.demands().size() + ", " + BitRate.format(totalDemandBps(sndlib))
                    + "bit/s in total");
        }
        out.flush();
    }
}
