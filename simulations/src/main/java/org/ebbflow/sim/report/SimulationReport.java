package org.ebbflow.sim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ebbflow.sim.SimResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes everything of a finished run into its folder: the raw files ({@link ResultFiles}), the plots under
 * {@code plots/} and {@link HtmlReport#FILE}. The port series are written during the run by a
 * {@link PortSeriesRecorder}. A plot that cannot be drawn (no fonts on a bare machine) is logged and left out.
 */
public final class SimulationReport {
    private static final Logger log = LoggerFactory.getLogger(SimulationReport.class);

    private SimulationReport() {
    }

    /** @return the HTML report's path */
    public static Path write(SimResult r, Path dir) throws IOException {
        ResultFiles.write(r, dir);
        Map<String, byte[]> plots = Map.of();
        try {
            plots = Plots.render(r);
            Path plotDir = Files.createDirectories(dir.resolve("plots"));
            for (Map.Entry<String, byte[]> e : plots.entrySet()) {
                Files.write(plotDir.resolve(e.getKey()), e.getValue());
            }
        } catch (RuntimeException | Error e) {
            log.warn("plots left out: {}", e.toString());
        }
        return HtmlReport.write(r, plots, dir);
    }
}
