package org.ebbflow.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.ebbflow.sim.PolicyResult;
import org.ebbflow.sim.SimResult;
import org.ebbflow.sim.metrics.PolicySummary;

/** One self-contained HTML page per run: the summary table, every plot inline (base64 PNG), the configuration. */
public final class HtmlReport {
    /** The report's file name. */
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /**
     * @param plots PNG bytes by name, in display order (may be empty)
     * @return the file written
     */
    public static Path write(SimResult r, Map<String, byte[]> plots, Path dir) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ebbflow simulation: ")
                .append(esc(r.scenario().topologyText())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}pre{background:#f4f4f4;padding:1em}")
                .append("</style></head><body>\n");
        h.append("<h1>ebbflow simulation</h1>\n<p>").append(esc(r.scenario().topologyText())).append(" &middot; ")
                .append(esc(r.scenario().traffic().toString())).append("<br>")
                .append(r.config().steps()).append(" steps of ").append(r.config().stepMillis() / 1000.0)
                .append(" s, seed ").append(r.config().seed()).append(", wall time ")
                .append(String.format(Locale.ROOT, "%.1f s", r.wallMillis() / 1000.0)).append("</p>\n");
        h.append("<h2>Summary</h2>\n<table><tr><th>policy</th><th>energy kWh</th><th>of always-on</th>")
                .append("<th>switches asleep (mean)</th><th>undelivered</th><th>SLA link-s over cap</th>")
                .append("<th>p99 util</th><th>max util</th><th>transitions/h</th><th>rule changes/h</th>")
                .append("<th>cycle ms (mean)</th></tr>\n");
        for (PolicyResult p : r.policies()) {
            PolicySummary s = p.summary();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.1f%%</td><td>%.1f</td>"
                    + "<td>%.4f%%</td><td>%.0f</td><td>%.3f</td><td>%.3f</td><td>%.1f</td><td>%.1f</td>"
                    + "<td>%.3f</td></tr>%n", esc(s.policy()), s.energyKWh(), 100 * s.energyFraction(),
                    s.meanSwitchesAsleep(), 100 * s.undeliveredFraction(), s.slaViolationLinkSeconds(),
                    s.p99LinkUtilization(), s.maxLinkUtilization(), s.transitionsPerHour(), s.ruleChangesPerHour(),
                    s.meanCycleMillis()));
        }
        h.append("</table>\n");
        for (Map.Entry<String, byte[]> e : plots.entrySet()) {
            h.append("<h3>").append(esc(e.getKey())).append("</h3>\n<img alt=\"").append(esc(e.getKey()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(e.getValue()))
                    .append("\">\n");
        }
        h.append("<h2>Configuration</h2>\n<pre>").append(esc(ResultFiles.json(r.effectiveConfig())))
                .append("</pre>\n</body></html>\n");
        Path file = dir.resolve(FILE);
        Files.writeString(file, h, StandardCharsets.UTF_8);
        return file;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
