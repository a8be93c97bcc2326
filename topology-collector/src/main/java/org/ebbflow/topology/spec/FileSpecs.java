package org.ebbflow.topology.spec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Path checks shared by the file kinds. */
final class FileSpecs {
    private FileSpecs() {
    }

    /**
     * @param kind the kind's token, for messages
     * @param text the path as written
     * @return the path, checked to be a readable regular file
     * @throws TopologySpecException naming the path if it is empty, invalid, missing, not a file or unreadable
     */
    static Path existingFile(String kind, String text) {
        if (text.isEmpty()) {
            throw new TopologySpecException(kind + " spec needs a file path, e.g. "
                    + TopologySpec.Kind.fromToken(kind).example());
        }
        Path path;
        try {
            path = Paths.get(text);
        } catch (InvalidPathException e) {
            throw new TopologySpecException(kind + " path is invalid: " + text + " (" + e.getReason() + ")");
        }
        if (!Files.exists(path)) {
            throw new TopologySpecException(kind + " file not found: " + text);
        }
        if (!Files.isRegularFile(path)) {
            throw new TopologySpecException(kind + " path is not a regular file: " + text);
        }
        if (!Files.isReadable(path)) {
            throw new TopologySpecException(kind + " file is not readable: " + text);
        }
        return path;
    }
}
