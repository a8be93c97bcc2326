package org.ebbflow.flowstats.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ebbflow.topology.DatapathId;

/**
 * What a {@link FlowRateTracker} made of one {@link FlowTableSnapshot}: the rates of the flows seen in it and the
 * previous kept snapshot, what became of each entry, and which flows disappeared. Immutable.
 */
public final class FlowRates {
    private final DatapathId dpid;
    private final long receivedMillis;
    private final SnapshotOutcome outcome;
    private final List<FlowRate> rates;
    private final List<FlowKey> removed;
    private final Map<FlowOutcome, Integer> counts;

    FlowRates(DatapathId dpid, long receivedMillis, SnapshotOutcome outcome, List<FlowRate> rates,
              List<FlowKey> removed, Map<FlowOutcome, Integer> counts) {
        this.dpid = Objects.requireNonNull(dpid, "dpid");
        this.receivedMillis = receivedMillis;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.rates = Collections.unmodifiableList(new ArrayList<>(rates));
        this.removed = Collections.unmodifiableList(new ArrayList<>(removed));
        Map<FlowOutcome, Integer> c = new EnumMap<>(FlowOutcome.class);
        for (FlowOutcome o : FlowOutcome.values()) {
            c.put(o, counts.getOrDefault(o, 0));
        }
        this.counts = Collections.unmodifiableMap(c);
    }

    /** @return the result of a dropped snapshot: no rates, nothing removed */
    static FlowRates dropped(FlowTableSnapshot s, SnapshotOutcome outcome) {
        return new FlowRates(s.dpid(), s.receivedMillis(), outcome, List.of(), List.of(), Map.of());
    }

    /**
     * Rates built elsewhere (a simulator, a test), as if a tracker had accepted a snapshot producing them.
     *
     * @throws IllegalArgumentException if a rate belongs to another switch
     */
    public static FlowRates of(DatapathId dpid, long receivedMillis, List<FlowRate> rates) {
        for (FlowRate r : rates) {
            if (!r.key().dpid().equals(dpid)) {
                throw new IllegalArgumentException("rate of switch " + r.key().dpid() + " among those of " + dpid);
            }
        }
        return new FlowRates(dpid, receivedMillis, SnapshotOutcome.ACCEPTED, rates, List.of(),
                Map.of(FlowOutcome.RATE, rates.size()));
    }

    /** @return the switch */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the snapshot's receive time, milliseconds on the controller's clock */
    public long receivedMillis() {
        return receivedMillis;
    }

    /** @return whether the snapshot was kept or dropped; a dropped one has no rates */
    public SnapshotOutcome outcome() {
        return outcome;
    }

    /** @return the rates in the snapshot's entry order, unmodifiable; empty for a first or dropped snapshot */
    public List<FlowRate> rates() {
        return rates;
    }

    /** @return the rates of the flows the filter accepts, in entry order */
    public List<FlowRate> rates(OwnerFilter owners) {
        List<FlowRate> out = new ArrayList<>();
        for (FlowRate r : rates) {
            if (owners.accepts(r.entry().cookie())) {
                out.add(r);
            }
        }
        return out;
    }

    /** @return the flows present in the previous kept snapshot and missing from this one, now forgotten */
    public List<FlowKey> removed() {
        return removed;
    }

    /** @return how many entries had this outcome ({@link FlowOutcome#REMOVED}: how many flows disappeared) */
    public int count(FlowOutcome o) {
        return counts.get(o);
    }

    /** @return the sum of all rates in bits per second; 0 if there are none */
    public double totalBps() {
        return totalBps(OwnerFilter.ALL);
    }

    /** @return the sum of the rates the filter accepts, in bits per second */
    public double totalBps(OwnerFilter owners) {
        double sum = 0;
        for (FlowRate r : rates) {
            if (owners.accepts(r.entry().cookie())) {
                sum += r.rateBps();
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "FlowRates{" + dpid + "@" + receivedMillis + " " + outcome + ", " + rates.size() + " rates, " + counts
                + "}";
    }
}
