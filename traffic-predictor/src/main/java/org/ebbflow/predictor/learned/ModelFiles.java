package org.ebbflow.predictor.learned;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.predictor.TrafficPredictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model files: one zip archive per model.
 *
 * <pre>
 * model.json            format, formatVersion, name, featureSpec (its text form), horizon, quantile,
 *                       normaliser (per-window normalisation and its settings), features, calibration (bins and
 *                       offsets), regressor (kind and its header), provenance (trainer, hyperparameters, data
 *                       sources with time spans, seed, ebbflow version, Java, OS, arch, createdAt)
 * regressor/...         the fitted regressor in its kind's own data format: mlp weights.bin (raw floats), tribuo
 *                       model.tribuo (Tribuo protobuf), lstm dl4j-model.zip (DL4J ModelSerializer)
 * </pre>
 *
 * <p>Loading reads every entry into memory (at most {@link #MAX_BYTES}), checks the format name and version, and
 * decodes data only: no Java deserialization of anything read from the file. A missing, truncated, corrupt or foreign
 * file, a newer format version or an inconsistent model gives a {@link ModelFileException} with one line naming the
 * file and the problem. Entries are written in a fixed order with a fixed timestamp, so equal models give equal
 * regressor bytes.
 */
public final class ModelFiles {
    /** The format name in {@code model.json}. */
    public static final String FORMAT = "ebbflow-traffic-model";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The metadata entry. */
    public static final String MODEL_JSON = "model.json";
    /** Largest archive read, in bytes. */
    public static final long MAX_BYTES = 256L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ModelFiles.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long ENTRY_TIME = 946_684_800_000L; // 2000-01-01T00:00:00Z
    private static final Map<String, String> CODECS;

    static {
        Map<String, String> m = new TreeMap<>();
        m.put(MlpRegressor.KIND, "org.ebbflow.predictor.learned.MlpCodec");
        m.put("tribuo", "org.ebbflow.predictor.learned.tribuo.TribuoCodec");
        m.put("lstm", "org.ebbflow.predictor.learned.dl4j.LstmCodec");
        CODECS = Collections.unmodifiableMap(m);
    }

    private ModelFiles() {
    }

    /**
     * Saves a model, replacing the file atomically where the file system allows.
     *
     * @param predictor a {@link LearnedPredictor} (baselines have no model file)
     * @throws IllegalArgumentException if it is not a learned model
     * @throws IOException if the file cannot be written
     */
    public static void save(TrafficPredictor predictor, Path file) throws IOException {
        if (!(predictor instanceof LearnedPredictor)) {
            throw new IllegalArgumentException(predictor.name() + " is not a learned model: nothing to save");
        }
        byte[] bytes = toBytes((LearnedPredictor) predictor);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // A sibling of the target, written with the default permissions, then moved over it.
        Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "."
                + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** @return the archive of a model */
    public static byte[] toBytes(LearnedPredictor p) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("formatVersion", FORMAT_VERSION);
        json.putAll(p.describe());
        Map<String, Object> normaliser = new LinkedHashMap<>();
        normaliser.put("kind", WindowFeatures.NORMALISATION);
        normaliser.put("fitted", "per window at inference: location = newest value, scale = mean |step change| "
                + "(else mean |value|)");
        normaliser.put("clip", (double) WindowFeatures.CLIP);
        json.put("normaliser", normaliser);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kind", p.regressor().kind());
        Map<String, byte[]> entries = new TreeMap<>();
        try {
            codec(p.regressor().kind()).write(p.regressor(), header, entries);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot write the " + p.regressor().kind() + " regressor: " + e.getMessage(), e);
        }
        json.put("regressor", header);
        json.put("provenance", p.provenance().fields());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            put(zip, MODEL_JSON, JSON.writeValueAsBytes(json));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (!e.getKey().startsWith("regressor/")) {
                    throw new IllegalStateException("codec entry outside regressor/: " + e.getKey());
                }
                put(zip, e.getKey(), e.getValue());
            }
        }
        return buf.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * Loads a model file.
     *
     * @throws ModelFileException naming the file and the problem
     */
    public static LearnedPredictor load(Path file) throws ModelFileException {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ModelFileException(name, "too large: " + size + " bytes (at most " + MAX_BYTES + ")", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(name, "no such file", e);
        } catch (IOException e) {
            throw new ModelFileException(name, "cannot read: " + e.getMessage(), e);
        }
        return fromBytes(bytes, name);
    }

    /**
     * Loads a model from the class path, e.g. the default model.
     *
     * @throws ModelFileException if the resource is missing or not a valid model
     */
    public static LearnedPredictor loadResource(String resource) throws ModelFileException {
        try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelFileException("resource " + resource, "not on the class path", null);
            }
            return fromBytes(readCapped(in, "resource " + resource), "resource " + resource);
        } catch (IOException e) {
            throw new ModelFileException("resource " + resource, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model, or, if that fails for any reason, logs a WARN naming the file and the reason and returns the
     * baseline: callers go on, loudly, with a forecast they can still use.
     *
     * @param baseline supplies the fallback, called only on failure
     */
    public static TrafficPredictor loadOrFallback(Path file, Supplier<TrafficPredictor> baseline) {
        try {
            return load(file);
        } catch (ModelFileException e) {
            TrafficPredictor b = baseline.get();
            LOG.warn("cannot use {}; falling back to the {} baseline", e.getMessage(), b.name());
            return b;
        }
    }

    private static byte[] readCapped(InputStream in, String name) throws IOException, ModelFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_BYTES) {
                throw new ModelFileException(name, "too large (more than " + MAX_BYTES + " bytes)", null);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Decodes an archive.
     *
     * @param name the file or resource named in errors
     * @throws ModelFileException naming it and the problem
     */
    public static LearnedPredictor fromBytes(byte[] bytes, String name) throws ModelFileException {
        Map<String, byte[]> entries = unzip(bytes, name);
        byte[] meta = entries.get(MODEL_JSON);
        if (meta == null) {
            throw new ModelFileException(name, "not an ebbflow model: the archive has no " + MODEL_JSON + " (entries: "
                    + new ArrayList<>(entries.keySet()) + ")", null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(meta);
        } catch (IOException e) {
            throw new ModelFileException(name, MODEL_JSON + " is not valid JSON: " + oneLine(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFileException(name, MODEL_JSON + " is not a JSON object", null);
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new ModelFileException(name, "not an ebbflow model: format '" + format + "', expected '" + FORMAT
                    + "'", null);
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new ModelFileException(name, "formatVersion missing or not an integer", null);
        }
        if (version.asInt() != FORMAT_VERSION) {
            throw new ModelFileException(name, "format version " + version.asInt() + " is not supported (this ebbflow"
                    + " reads version " + FORMAT_VERSION + (version.asInt() > FORMAT_VERSION
                    ? "; the file was written by a newer ebbflow)" : ")"), null);
        }
        try {
            return decode(root, entries);
        } catch (ModelFileException e) {
            throw new ModelFileException(name, e.problem(), e.getCause());
        } catch (Exception | LinkageError e) {
            throw new ModelFileException(name, "invalid model: " + oneLine(e), e);
        }
    }

    private static LearnedPredictor decode(JsonNode root, Map<String, byte[]> entries) throws Exception {
        FeatureSpec spec = FeatureSpec.parse(text(root, "featureSpec"));
        int horizon = integer(root, "horizon");
        double quantile = number(root, "quantile");
        JsonNode f = object(root, "features");
        List<String> classes = new ArrayList<>();
        for (JsonNode c : array(f, "taskClasses")) {
            classes.add(c.asText());
        }
        WindowFeatures features = WindowFeatures.of(integer(f, "windowSteps"), classes,
                f.path("layout").asText(WindowFeatures.LAGS));
        JsonNode c = object(root, "calibration");
        double[] edges = JSON.convertValue(array(c, "edges"), double[].class);
        double[][] offsets = JSON.convertValue(array(c, "offsets"), double[][].class);
        String adjusts = c.path("adjusts").asText("mean");
        if (!adjusts.equals("mean") && !adjusts.equals("quantile-head")) {
            throw new IllegalArgumentException("calibration.adjusts must be 'mean' or 'quantile-head': " + adjusts);
        }
        String scale = c.path("scale").asText("window");
        if (!scale.equals("window") && !scale.equals("window-h-step")) {
            throw new IllegalArgumentException("calibration.scale must be 'window' or 'window-h-step': " + scale);
        }
        Calibration calibration = Calibration.of(number(c, "level"), edges, offsets, adjusts.equals("quantile-head"),
                scale.equals("window-h-step"));
        if (calibration.horizon() != horizon || calibration.level() != quantile) {
            throw new IllegalArgumentException("calibration of " + calibration.horizon() + " steps at "
                    + calibration.level() + " does not match horizon " + horizon + " and quantile " + quantile);
        }
        JsonNode header = object(root, "regressor");
        String kind = text(header, "kind");
        Regressor regressor = codec(kind).read(header, entries);
        Map<String, Object> prov = root.has("provenance")
                ? JSON.convertValue(object(root, "provenance"), new TypeReference<LinkedHashMap<String, Object>>() { })
                : new LinkedHashMap<>();
        return new LearnedPredictor(text(root, "name"), spec, features, regressor, calibration,
                Provenance.of(prov));
    }

    private static RegressorCodec codec(String kind) throws ModelFileException {
        String cls = CODECS.get(kind);
        if (cls == null) {
            throw new ModelFileException("", "unknown regressor kind '" + kind + "' (known: " + CODECS.keySet() + ")",
                    null);
        }
        try {
            return (RegressorCodec) Class.forName(cls).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ModelFileException("", "regressor kind '" + kind + "' needs a library that is not on the class "
                    + "path (" + oneLine(e) + ")", e);
        }
    }

    private static Map<String, byte[]> unzip(byte[] bytes, String name) throws ModelFileException {
        if (bytes.length < 22) {
            throw new ModelFileException(name, "not a zip archive (" + bytes.length + " bytes)", null);
        }
        if (!(bytes[0] == 'P' && bytes[1] == 'K')) {
            throw new ModelFileException(name, "not a zip archive (no zip signature)", null);
        }
        if (!hasEndRecord(bytes)) {
            throw new ModelFileException(name, "truncated or corrupt: the zip end record is missing", null);
        }
        Map<String, byte[]> entries = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String n = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (!(n.equals(MODEL_JSON) || n.startsWith("regressor/")) || n.contains("..")) {
                    throw new ModelFileException(name, "unexpected entry '" + n + "' (not an ebbflow model?)", null);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = zip.read(buf)) > 0) {
                    total += r;
                    if (total > MAX_BYTES) {
                        throw new ModelFileException(name, "entries too large (more than " + MAX_BYTES + " bytes)",
                                null);
                    }
                    out.write(buf, 0, r);
                }
                if (entries.put(n, out.toByteArray()) != null) {
                    throw new ModelFileException(name, "entry '" + n + "' appears twice", null);
                }
            }
        } catch (ZipException e) {
            throw new ModelFileException(name, "corrupt archive: " + oneLine(e), e);
        } catch (IOException e) {
            throw new ModelFileException(name, "truncated or corrupt archive: " + oneLine(e), e);
        }
        if (entries.isEmpty()) {
            throw new ModelFileException(name, "empty archive", null);
        }
        return entries;
    }

    /** @return true if the end-of-central-directory record appears where it must (within the last 64 KiB + 22) */
    private static boolean hasEndRecord(byte[] b) {
        int min = Math.max(0, b.length - 22 - 0xFFFF);
        for (int i = b.length - 22; i >= min; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                int commentLength = (b[i + 20] & 0xFF) | (b[i + 21] & 0xFF) << 8;
                return i + 22 + commentLength == b.length;
            }
        }
        return false;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof JsonProcessingException) {
            m = ((JsonProcessingException) e).getOriginalMessage();
        }
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static JsonNode object(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("'" + key + "' missing or not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' missing or not an array");
        }
        return v;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' missing or not a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + key + "' missing or not an integer");
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' missing or not a number");
        }
        return v.asDouble();
    }
}
