package org.ebbflow.sim;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the link capacity of a Facebook pod data set as prepared for FIGRET: a networkx node-link {@code .json}
 * ({@code "links": [{"capacity": ..., "source": ..., "target": ...}]}) in the matrices' folder or the one above it.
 */
final class FigretTopology {
    private static final Logger log = LoggerFactory.getLogger(FigretTopology.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FigretTopology() {
    }

    /**
     * @param data the {@code .hist} file or folder of an fbpod spec
     * @return the largest link capacity of the first such file found, in the data set's units; empty if none
     */
    static OptionalDouble linkCapacityUnits(Path data) {
        Path folder = (Files.isDirectory(data) ? data : data.toAbsolutePath().getParent()).toAbsolutePath();
        List<Path> candidates = new ArrayList<>();
        for (Path dir : new Path[] {folder, folder.getParent()}) {
            if (dir == null || !candidates.isEmpty()) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
                ds.forEach(candidates::add);
            } catch (IOException e) {
                return OptionalDouble.empty();
            }
            candidates.sort(null);
        }
        for (Path p : candidates) {
            try {
                JsonNode links = JSON.readTree(p.toFile()).path("links");
                double max = 0;
                for (JsonNode l : links) {
                    max = Math.max(max, l.path("capacity").asDouble(0));
                }
                if (max > 0) {
                    log.info("fbpod link capacity {} units from {}", max, p);
                    return OptionalDouble.of(max);
                }
            } catch (IOException e) {
                log.debug("not a FIGRET topology: {}", p);
            }
        }
        return OptionalDouble.empty();
    }
}
