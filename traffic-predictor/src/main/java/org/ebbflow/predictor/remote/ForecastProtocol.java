package org.ebbflow.predictor.remote;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;

/**
 * The JSON messages of the model server, version {@value #VERSION}. Plain data only: arrays of floats travel as
 * base64 of little-endian IEEE 754 singles (NaN included), everything else as JSON numbers and strings; nothing is
 * Java-deserialized.
 *
 * <pre>
 * GET  /v1/model     → {"protocol":1, "name", "featureSpec" (FeatureSpec text), "horizon", "quantile"}
 * POST /v1/forecast  ← {"protocol":1, "featureSpec", "batch", "values" (B·W·C floats, NWC), "ports", "dstPorts",
 *                       "labels", "endSteps", "missing" (indices b·W+t), "filled"}
 *                    → {"protocol":1, "predictor", "batch", "horizon", "quantile", "stepMillis", "mean", "upper"
 *                       (B·H floats each, series-major)}
 * errors             → {"error": "one line"} with status 400 (bad request), 413 (too large) or 500
 * </pre>
 */
public final class ForecastProtocol {
    /** The protocol version in every message. */
    public static final int VERSION = 1;
    /** Path of the model description. */
    public static final String MODEL_PATH = "/v1/model";
    /** Path of the forecast call. */
    public static final String FORECAST_PATH = "/v1/forecast";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForecastProtocol() {
    }

    /** @return the model description a server sends for {@code predictor} */
    public static ObjectNode describe(TrafficPredictor predictor) {
        ObjectNode n = JSON.createObjectNode();
        n.put("protocol", VERSION);
        n.put("name", predictor.name());
        n.put("featureSpec", predictor.featureSpec().toText());
        n.put("horizon", predictor.horizon());
        n.put("quantile", predictor.quantile());
        return n;
    }

    /** @return a forecast request carrying {@code window} */
    public static ObjectNode encodeWindow(FeatureWindow window) {
        int b = window.batch();
        int w = window.steps();
        ObjectNode n = JSON.createObjectNode();
        n.put("protocol", VERSION);
        n.put("featureSpec", window.spec().toText());
        n.put("batch", b);
        n.put("values", floats(window.toArrayNWC()));
        ArrayNode ports = n.putArray("ports");
        ArrayNode dst = n.putArray("dstPorts");
        ArrayNode labels = n.putArray("labels");
        ArrayNode ends = n.putArray("endSteps");
        ArrayNode missing = n.putArray("missing");
        ArrayNode filled = n.putArray("filled");
        for (int i = 0; i < b; i++) {
            ports.add(window.port(i));
            dst.add(window.dstPort(i));
            labels.add(window.label(i));
            ends.add(window.endStep(i));
            filled.add(window.filledSteps(i));
            for (int t = 0; t < w; t++) {
                if (window.isMissing(i, t)) {
                    missing.add(i * w + t);
                }
            }
        }
        return n;
    }

    /**
     * @param n a forecast request
     * @return its window
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static FeatureWindow decodeWindow(JsonNode n) {
        checkVersion(n);
        FeatureSpec spec = FeatureSpec.parse(text(n, "featureSpec"));
        int b = integer(n, "batch");
        int w = spec.windowSteps();
        long cells = (long) b * w * spec.channelCount();
        float[] values = floats(text(n, "values"), "values");
        if (b < 0 || values.length != cells) {
            throw new IllegalArgumentException("values hold " + values.length + " floats, expected " + b + " x " + w
                    + " x " + spec.channelCount());
        }
        int[] ports = new int[b];
        int[] dst = new int[b];
        String[] labels = new String[b];
        long[] ends = new long[b];
        int[] filled = new int[b];
        JsonNode jp = array(n, "ports", b);
        JsonNode jd = array(n, "dstPorts", b);
        JsonNode jl = array(n, "labels", b);
        JsonNode je = array(n, "endSteps", b);
        JsonNode jf = array(n, "filled", b);
        for (int i = 0; i < b; i++) {
            ports[i] = jp.get(i).asInt();
            dst[i] = jd.get(i).asInt();
            labels[i] = jl.get(i).asText();
            ends[i] = je.get(i).asLong();
            filled[i] = jf.get(i).asInt();
        }
        boolean[] missing = new boolean[b * w];
        JsonNode jm = n.get("missing");
        if (jm == null || !jm.isArray()) {
            throw new IllegalArgumentException("missing: expected an array");
        }
        for (JsonNode m : jm) {
            int k = m.asInt(-1);
            if (k < 0 || k >= missing.length) {
                throw new IllegalArgumentException("missing: index " + m + " out of range");
            }
            missing[k] = true;
        }
        return FeatureWindow.of(spec, values, ports, dst, labels, ends, missing, filled);
    }

    /** @return the forecast response */
    public static ObjectNode encodeForecast(Forecast f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("protocol", VERSION);
        n.put("predictor", f.predictor());
        n.put("batch", f.batch());
        n.put("horizon", f.horizon());
        n.put("quantile", f.quantile());
        n.put("stepMillis", f.stepMillis());
        n.put("mean", floats(f.means()));
        n.put("upper", floats(f.upperBounds()));
        return n;
    }

    /**
     * @param n a forecast response
     * @return the forecast
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static Forecast decodeForecast(JsonNode n) {
        checkVersion(n);
        return Forecast.of(text(n, "predictor"), integer(n, "batch"), integer(n, "horizon"),
                n.path("quantile").asDouble(), n.path("stepMillis").asLong(), floats(text(n, "mean"), "mean"),
                floats(text(n, "upper"), "upper"));
    }

    /** @return a JSON error body */
    public static ObjectNode error(String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", message);
        return n;
    }

    /** @return the shared mapper (thread-safe for reading and writing) */
    public static ObjectMapper mapper() {
        return JSON;
    }

    private static void checkVersion(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        int v = n.path("protocol").asInt(-1);
        if (v != VERSION) {
            throw new IllegalArgumentException("protocol " + v + " is not supported (this side speaks " + VERSION + ")");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + ": expected a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + ": expected an integer");
        }
        return v.asInt();
    }

    private static JsonNode array(JsonNode n, String field, int size) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray() || v.size() != size) {
            throw new IllegalArgumentException(field + ": expected an array of " + size);
        }
        return v;
    }

    static String floats(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    static float[] floats(String base64, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not base64: " + e.getMessage(), e);
        }
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException(field + ": " + bytes.length + " bytes is not a whole number of floats");
        }
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
