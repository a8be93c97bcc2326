package org.ebbflow.sim.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.ebbflow.sim.PolicyResult;
import org.ebbflow.sim.SimResult;
import org.ebbflow.sim.metrics.StepSeries;

/**
 * The raw files of a run: {@code steps.csv} (per policy and step), {@code summary.json} (per policy, the figures of
 * {@code ebbflow simulate --json}), {@code config.json} (the effective configuration) and {@code timing.csv}
 * (wall-clock figures, which differ between runs; everything else is identical for the same seed).
 */
public final class ResultFiles {
    /** Per-step series of every policy. */
    public static final String STEPS = "steps.csv";
    /** Per-policy summary. */
    public static final String SUMMARY = "summary.json";
    /** Effective configuration. */
    public static final String CONFIG = "config.json";
    /** Wall-clock figures. */
    public static final String TIMING = "timing.csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** @return {@code {"policies": {name: summary}}} without wall-clock figures, or with them */
    public static Map<String, Object> summary(SimResult r, boolean includeTiming) {
        Map<String, Object> policies = new LinkedHashMap<>();
        for (PolicyResult p : r.policies()) {
            policies.put(p.name(), p.summary().toMap(includeTiming));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policies", policies);
        return m;
    }

    /** Writes the four files into {@code dir}. */
    public static void write(SimResult r, Path dir) throws IOException {
        writeSteps(r, dir.resolve(STEPS));
        JSON.writeValue(dir.resolve(SUMMARY).toFile(), summary(r, false));
        JSON.writeValue(dir.resolve(CONFIG).toFile(), r.effectiveConfig());
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(TIMING), StandardCharsets.UTF_8)) {
            w.write("policy,mean_cycle_millis,max_cycle_millis,run_wall_millis,samples,discovery_events\n");
            for (PolicyResult p : r.policies()) {
                w.write(String.format(Locale.ROOT, "%s,%.4f,%.4f,%d,%d,%d%n", p.name(),
                        p.summary().meanCycleMillis(), p.summary().maxCycleMillis(), r.wallMillis(), p.samples(),
                        p.discoveryEvents()));
            }
        }
    }

    private static void writeSteps(SimResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("policy,time_millis,power_watts,switches_asleep,cables_asleep,offered_bps,delivered_bps,"
                    + "max_link_utilization,mean_link_utilization,links_over_cap,transitions,rule_changes\n");
            StringBuilder sb = new StringBuilder(160);
            for (PolicyResult p : r.policies()) {
                StepSeries s = p.series();
                for (int i = 0; i < s.size(); i++) {
                    sb.setLength(0);
                    sb.append(p.name()).append(',').append(s.timeMillis(i)).append(',').append(s.watts(i))
                            .append(',').append(s.switchesAsleep(i)).append(',').append(s.cablesAsleep(i))
                            .append(',').append(s.offeredBps(i)).append(',').append(s.deliveredBps(i))
                            .append(',').append(s.maxUtilisation(i)).append(',').append(s.meanUtilisation(i))
                            .append(',').append(s.linksOverCap(i)).append(',').append(s.transitions(i))
                            .append(',').append(s.ruleChanges(i)).append('\n');
                    w.append(sb);
                }
            }
        }
    }

    /** @return JSON text of a value, indented */
    static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }
}
