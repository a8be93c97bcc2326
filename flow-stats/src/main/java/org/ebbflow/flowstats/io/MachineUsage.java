package org.ebbflow.flowstats.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebbflow.flowstats.SampleOutcome;

/**
 * What a trace file held: one {@link MachineSeries} per machine in order of first appearance, the rows rejected
 * (counted by reason, the first ones kept with their place in the file) and the counter tracker's outcome counts.
 * Immutable.
 */
public final class MachineUsage {
    private final String source;
    private final long rows;
    private final Map<String, MachineSeries> machines;
    private final Map<Rejection.Reason, Long> rejectionCounts;
    private final List<Rejection> rejections;
    private final Map<SampleOutcome, Long> outcomes;

    MachineUsage(String source, long rows, Map<String, MachineSeries> machines,
                 Map<Rejection.Reason, Long> rejectionCounts, List<Rejection> rejections,
                 Map<SampleOutcome, Long> outcomes) {
        this.source = source;
        this.rows = rows;
        this.machines = Collections.unmodifiableMap(new LinkedHashMap<>(machines));
        Map<Rejection.Reason, Long> counts = new EnumMap<>(Rejection.Reason.class);
        for (Rejection.Reason r : Rejection.Reason.values()) {
            counts.put(r, rejectionCounts.getOrDefault(r, 0L));
        }
        this.rejectionCounts = Collections.unmodifiableMap(counts);
        this.rejections = Collections.unmodifiableList(new ArrayList<>(rejections));
        this.outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
    }

    /** @return the file's name */
    public String source() {
        return source;
    }

    /** @return the number of data rows read (blank lines not counted) */
    public long rows() {
        return rows;
    }

    /** @return the machines in order of first appearance */
    public List<MachineSeries> machines() {
        return new ArrayList<>(machines.values());
    }

    /** @return the machine's series, or null if the file has no kept sample of it */
    public MachineSeries machine(String id) {
        return machines.get(id);
    }

    /** @return the number of rows rejected for each reason (every reason present, 0 if none) */
    public Map<Rejection.Reason, Long> rejectionCounts() {
        return rejectionCounts;
    }

    /** @return the number of rows rejected, all reasons */
    public long rejectedRows() {
        long n = 0;
        for (long c : rejectionCounts.values()) {
            n += c;
        }
        return n;
    }

    /** @return the first rejections in file order of detection (at most the reader's limit) */
    public List<Rejection> rejections() {
        return rejections;
    }

    /** @return how many samples the counter tracker gave each outcome (rows rejected before it are not included) */
    public Map<SampleOutcome, Long> trackerOutcomes() {
        return outcomes;
    }

    /** @return a one-line summary: rows, machines, samples, intervals, resets and rejections by reason */
    public String summary() {
        long samples = 0;
        long intervals = 0;
        long resets = 0;
        for (MachineSeries m : machines.values()) {
            samples += m.sampleCount();
            intervals += m.intervalCount();
            resets += m.resets();
        }
        return source + ": " + rows + " rows, " + machines.size() + " machines, " + samples + " samples kept, "
                + intervals + " rate intervals, " + resets + " resets, " + rejectedRows() + " rejected "
                + rejectionCounts;
    }

    @Override
    public String toString() {
        return summary();
    }
}
