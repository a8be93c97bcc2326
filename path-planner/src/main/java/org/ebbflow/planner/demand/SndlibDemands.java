package org.ebbflow.planner.demand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.io.SndlibNetwork;

/** Turns an SNDlib instance's static demand matrix into switch-to-switch demands of one class. */
public final class SndlibDemands {
    private SndlibDemands() {
    }

    /**
     * Demands keep the file's order and get ids 0, 1, ...; demands from a node to itself are skipped (they never
     * enter the network), as are demands of 0 bps.
     *
     * @param network the loaded instance
     * @param demandClass the class given to every demand
     * @return the demands between the snapshot's switches
     * @throws DemandException if a demand names a node the network does not have
     */
    public static DemandSet of(SndlibNetwork network, DemandClass demandClass) {
        TopologySnapshot t = network.snapshot();
        Map<String, Integer> byName = new HashMap<>();
        for (int s = 0; s < t.switchCount(); s++) {
            byName.put(t.switchAt(s).name(), s);
        }
        List<Demand> out = new ArrayList<>();
        for (SndlibNetwork.Demand d : network.demands()) {
            Integer src = byName.get(d.source());
            Integer dst = byName.get(d.target());
            if (src == null || dst == null) {
                throw new DemandException(0, "demand " + d + ": unknown node '"
                        + (src == null ? d.source() : d.target()) + "'");
            }
            if (src.equals(dst) || d.bps() == 0) {
                continue;
            }
            out.add(Demand.betweenSwitches(out.size(), src, dst, d.bps(), d.bps(), demandClass));
        }
        return DemandSet.of(out);
    }
}
