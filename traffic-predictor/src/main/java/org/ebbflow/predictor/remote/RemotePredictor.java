package org.ebbflow.predictor.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;

/**
 * A predictor served by another process over HTTP ({@link ForecastProtocol}). Connecting reads the model's
 * description once; each {@link #forecast} is one POST. Thread-safe.
 */
public final class RemotePredictor implements TrafficPredictor {
    /** Largest response read, in bytes. */
    static final int MAX_RESPONSE_BYTES = 256 << 20;

    private final URI base;
    private final int timeoutMillis;
    private final String name;
    private final FeatureSpec spec;
    private final int horizon;
    private final double quantile;

    private RemotePredictor(URI base, int timeoutMillis, JsonNode model) {
        this.base = base;
        this.timeoutMillis = timeoutMillis;
        this.name = model.path("name").asText("remote");
        this.spec = FeatureSpec.parse(model.path("featureSpec").asText());
        this.horizon = model.path("horizon").asInt();
        this.quantile = model.path("quantile").asDouble();
        if (horizon < 1 || !(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("the server at " + base + " describes an invalid model: " + model);
        }
    }

    /**
     * Connects to a model server and reads its model's description.
     *
     * @param base the server, e.g. {@code http://127.0.0.1:6680}
     * @param timeout connect and read timeout of every call
     * @throws IOException if the server cannot be reached or does not answer as a model server
     */
    public static RemotePredictor connect(URI base, Duration timeout) throws IOException {
        Objects.requireNonNull(base, "base");
        int t = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        JsonNode model = call(base.resolve(ForecastProtocol.MODEL_PATH), null, t);
        try {
            return new RemotePredictor(base, t, model);
        } catch (IllegalArgumentException e) {
            throw new IOException("the server at " + base + " sent an unusable model description: " + e.getMessage(),
                    e);
        }
    }

    /** @return the server's address */
    public URI base() {
        return base;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FeatureSpec featureSpec() {
        return spec;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public double quantile() {
        return quantile;
    }

    /** @throws UncheckedIOException if the server cannot be reached or answers with an error */
    @Override
    public Forecast forecast(FeatureWindow window) {
        if (!window.spec().equals(spec)) {
            throw new IllegalArgumentException(name + ": window spec " + window.spec().toText() + ", model spec "
                    + spec.toText());
        }
        try {
            byte[] body = ForecastProtocol.mapper().writeValueAsBytes(ForecastProtocol.encodeWindow(window));
            JsonNode answer = call(base.resolve(ForecastProtocol.FORECAST_PATH), body, timeoutMillis);
            Forecast f = ForecastProtocol.decodeForecast(answer);
            if (f.batch() != window.batch()) {
                throw new IOException("the server answered " + f.batch() + " series for " + window.batch());
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("malformed answer from " + base + ": " + e.getMessage(), e));
        }
    }

    private static JsonNode call(URI uri, byte[] body, int timeoutMillis) throws IOException {
        URL url = uri.toURL();
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        try {
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "application/json");
            if (body != null) {
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            byte[] bytes = in == null ? new byte[0] : readCapped(in);
            JsonNode n;
            try {
                n = ForecastProtocol.mapper().readTree(bytes);
            } catch (IOException e) {
                throw new IOException(uri + " answered " + status + " with no JSON", e);
            }
            if (status != 200) {
                String why = n != null && n.has("error") ? n.get("error").asText() : "status " + status;
                throw new IOException(uri + ": " + why);
            }
            return n;
        } finally {
            c.disconnect();
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        try (InputStream s = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = s.read(buf)) > 0) {
                if (out.size() + n > MAX_RESPONSE_BYTES) {
                    throw new IOException("response larger than " + MAX_RESPONSE_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    @Override
    public String toString() {
        return "RemotePredictor{" + name + " at " + base + ", H=" + horizon + "}";
    }
}
