package org.ebbflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.remote.ForecastProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one predictor over HTTP with the JDK's server ({@link ForecastProtocol}): JSON in, JSON out, no Java
 * deserialization, request bodies capped at {@link #MAX_REQUEST_BYTES}. One worker thread: forecasts run one at a
 * time, as a control loop calls them. No authentication: bind it to the loopback interface unless the network
 * between controller and server is trusted.
 */
final class ModelServer implements AutoCloseable {
    /** Largest request body accepted, in bytes. */
    static final int MAX_REQUEST_BYTES = 128 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

    private final TrafficPredictor predictor;
    private final HttpServer server;
    private final ExecutorService worker;
    private final AtomicLong forecasts = new AtomicLong();
    private final AtomicLong series = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * Binds the server; {@link #start()} starts answering.
     *
     * @param predictor what to serve
     * @param address where to listen; port 0 picks a free one
     * @throws IOException if the address cannot be bound
     */
    ModelServer(TrafficPredictor predictor, InetSocketAddress address) throws IOException {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.server = HttpServer.create(address, 16);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ebbflow-model-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(worker);
        server.createContext(ForecastProtocol.MODEL_PATH, this::model);
        server.createContext(ForecastProtocol.FORECAST_PATH, this::forecast);
    }

    /** @return the bound address */
    InetSocketAddress start() {
        server.start();
        return server.getAddress();
    }

    /** @return forecast calls answered */
    long forecasts() {
        return forecasts.get();
    }

    /** @return series forecast in total */
    long series() {
        return series.get();
    }

    /** @return requests refused as malformed, too large or of the wrong method */
    long rejected() {
        return rejected.get();
    }

    private void model(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                reply(ex, 405, ForecastProtocol.error("use GET"));
                return;
            }
            reply(ex, 200, ForecastProtocol.describe(predictor));
        }
    }

    private void forecast(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                reply(ex, 405, ForecastProtocol.error("use POST"));
                return;
            }
            byte[] body = readCapped(ex.getRequestBody());
            if (body == null) {
                reply(ex, 413, ForecastProtocol.error("request larger than " + MAX_REQUEST_BYTES + " bytes"));
                return;
            }
            FeatureWindow window;
            try {
                JsonNode n = ForecastProtocol.mapper().readTree(body);
                window = ForecastProtocol.decodeWindow(n);
                if (!window.spec().equals(predictor.featureSpec())) {
                    throw new IllegalArgumentException("window spec " + window.spec().toText()
                            + " does not match the model's " + predictor.featureSpec().toText());
                }
            } catch (IOException | IllegalArgumentException e) {
                reply(ex, 400, ForecastProtocol.error(String.valueOf(e.getMessage()).replace('\n', ' ')));
                return;
            }
            Forecast f;
            try {
                f = predictor.forecast(window);
            } catch (RuntimeException e) {
                LOG.warn("forecast of {} series failed", window.batch(), e);
                reply(ex, 500, ForecastProtocol.error("forecast failed: " + e));
                return;
            }
            forecasts.incrementAndGet();
            series.addAndGet(window.batch());
            reply(ex, 200, ForecastProtocol.encodeForecast(f));
        }
    }

    private void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (status != 200) {
            rejected.incrementAndGet();
        }
        byte[] bytes = ForecastProtocol.mapper().writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** @return the body, or null if it exceeds {@link #MAX_REQUEST_BYTES} */
    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_REQUEST_BYTES) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
