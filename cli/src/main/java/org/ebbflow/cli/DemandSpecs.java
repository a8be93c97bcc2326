package org.ebbflow.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.planner.demand.Demand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.planner.demand.DemandCsvReader;
import org.ebbflow.planner.demand.DemandException;
import org.ebbflow.planner.demand.DemandSet;
import org.ebbflow.planner.demand.RandomDemandGenerator;
import org.ebbflow.planner.demand.RandomDemandSpec;
import org.ebbflow.planner.demand.SndlibDemands;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.io.SndlibNetwork;
import org.ebbflow.topology.spec.TopologySpec;

/**
 * Reads a {@code --demands} spec against a topology: {@code random:pairs=N,seed=S,load=L,locality=...},
 * {@code sndlib:PATH} (the file's demand matrix, bulk class, endpoints matched by node name) or {@code csv:PATH}
 * (columns src,dst,rateBps,class). Every problem is an {@link IllegalArgumentException} with one line naming the
 * spec and, for files, the line.
 */
final class DemandSpecs {
    private DemandSpecs() {
    }

    /**
     * @param text the spec
     * @param topology the network the demands run on
     * @return the demands, validated against the topology
     * @throws IOException if a file cannot be read
     */
    static DemandSet read(String text, TopologySnapshot topology) throws IOException {
        String spec = text == null ? "" : text.trim();
        try {
            DemandSet set;
            if (spec.startsWith(RandomDemandSpec.PREFIX)) {
                set = RandomDemandGenerator.generate(topology, RandomDemandSpec.parse(spec));
            } else if (spec.startsWith("sndlib:")) {
                set = sndlib(spec, topology);
            } else if (spec.startsWith("csv:")) {
                Path path = Paths.get(spec.substring("csv:".length()));
                try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    set = DemandCsvReader.read(in, topology);
                } catch (NoSuchFileException e) {
                    throw new IllegalArgumentException("demands " + spec + ": no such file");
                }
            } else {
                throw new IllegalArgumentException("unknown demand spec '" + text
                        + "' (valid: random:pairs=N,seed=S,load=L,locality=near|mid|far|mixed, sndlib:PATH, csv:PATH)");
            }
            set.validateAgainst(topology);
            return set;
        } catch (DemandException e) {
            throw new IllegalArgumentException("demands " + spec + ": " + e.getMessage(), e);
        }
    }

    private static DemandSet sndlib(String spec, TopologySnapshot topology) {
        SndlibNetwork network = TopologySpec.parse(spec).loadSndlib();
        DemandSet own = SndlibDemands.of(network, DemandClass.BULK);
        TopologySnapshot from = network.snapshot();
        Map<String, Integer> byName = new HashMap<>();
        for (int s = 0; s < topology.switchCount(); s++) {
            byName.put(topology.switchAt(s).name(), s);
        }
        List<Demand> out = new ArrayList<>(own.size());
        for (Demand d : own.demands()) {
            int src = index(byName, from.switchAt(d.source()).name(), spec);
            int dst = index(byName, from.switchAt(d.destination()).name(), spec);
            out.add(Demand.betweenSwitches(d.id(), src, dst, d.meanBps(), d.upperBps(), d.demandClass()));
        }
        return DemandSet.of(out);
    }

    private static int index(Map<String, Integer> byName, String name, String spec) {
        Integer s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException("demands " + spec + ": node '" + name
                    + "' is not a switch of the topology");
        }
        return s;
    }
}
