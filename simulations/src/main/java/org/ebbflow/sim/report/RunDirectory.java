package org.ebbflow.sim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A run's results folder, {@code <out>/<name>-<time>/}, the time in ISO 8601 basic format without colons (e.g.
 * {@code 2026-11-23T193512Z}) so the name is valid everywhere; a suffix {@code -2}, {@code -3}, ... if it exists.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunDirectory() {
    }

    /**
     * @param out the parent folder (created if missing)
     * @param name the run's name: letters, digits, '.', '_' and '-' only
     * @param now the time in the name
     * @return the new, empty folder
     * @throws IllegalArgumentException if the name has other characters
     * @throws IOException if it cannot be created
     */
    public static Path create(Path out, String name, Instant now) throws IOException {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("run name must be letters, digits, '.', '_' or '-': '" + name + "'");
        }
        Files.createDirectories(out);
        String base = name + "-" + STAMP.format(now);
        Path dir = out.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = out.resolve(base + "-" + i);
        }
        return Files.createDirectory(dir);
    }
}
