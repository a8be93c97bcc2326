package org.ebbflow.predictor.learned;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Reads and writes archive entries in tests. */
final class ModelFilesTestSupport {
    private ModelFilesTestSupport() {
    }

    static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    /** @return a zip holding only model.json with this text */
    static Path zip(Path f, String modelJson) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry(ModelFiles.MODEL_JSON));
            z.write(modelJson.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return f;
    }
}
