package org.ebbflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Baselines;
import org.ebbflow.predictor.learned.DefaultModel;
import org.ebbflow.predictor.remote.FailoverPredictor;
import org.ebbflow.predictor.remote.RemotePredictor;
import org.junit.jupiter.api.Test;

/** {@code serve-model}'s server against the client the ONOS app uses: same forecasts, loud fallback, bad input. */
class ModelServerTest {
    private static FeatureWindow window(FeatureSpec spec, int batch, long seed) {
        Random r = new Random(seed);
        int w = spec.windowSteps();
        int c = spec.channelCount();
        float[] v = new float[batch * w * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (1e8 * (1 + r.nextDouble()));
        }
        v[3] = Float.NaN;
        int[] ports = new int[batch];
        int[] dst = new int[batch];
        String[] labels = new String[batch];
        long[] ends = new long[batch];
        for (int b = 0; b < batch; b++) {
            ports[b] = b;
            dst[b] = -1;
            labels[b] = "p" + b;
            ends[b] = 1000 + b;
        }
        boolean[] missing = new boolean[batch * w];
        missing[0] = true;
        return FeatureWindow.of(spec, v, ports, dst, labels, ends, missing, new int[batch]);
    }

    @Test
    void remoteForecastsEqualLocalOnesAndFailoverIsLoud() throws Exception {
        TrafficPredictor local = DefaultModel.load().atStep(5_000);
        FeatureWindow w = window(local.featureSpec(), 50, 7);
        ModelServer server = new ModelServer(local, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress at = server.start();
        URI base = URI.create("http://127.0.0.1:" + at.getPort());
        RemotePredictor remote = RemotePredictor.connect(base, Duration.ofSeconds(5));
        assertEquals(local.featureSpec(), remote.featureSpec());
        assertEquals(local.horizon(), remote.horizon());
        Forecast expected = local.forecast(w);
        Forecast got = remote.forecast(w);
        assertArrayEquals(expected.means(), got.means(), "bit-identical means over HTTP");
        assertArrayEquals(expected.upperBounds(), got.upperBounds());
        assertEquals(1, server.forecasts());

        FailoverPredictor failover = new FailoverPredictor(remote, Baselines.create("ewma", 5_000, remote.horizon()));
        assertArrayEquals(expected.means(), failover.forecast(w).means());
        server.close();
        assertThrows(UncheckedIOException.class, () -> remote.forecast(w));
        Forecast fallback = failover.forecast(w);
        assertTrue(failover.isFailing());
        assertEquals(1, failover.fallbackCount());
        assertEquals("ewma", fallback.predictor(), "the baseline answered");
        assertEquals(w.batch(), fallback.batch());
    }

    @Test
    void malformedRequestsAreRefusedWithAnError() throws Exception {
        TrafficPredictor local = Baselines.create("persistence", 5_000, 4);
        try (ModelServer server = new ModelServer(local, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                0))) {
            int port = server.start().getPort();
            for (String body : new String[] {"not json", "{\"protocol\":1}", "{\"protocol\":2}",
                "{\"protocol\":1,\"featureSpec\":\"" + local.featureSpec().toText()
                    + "\",\"batch\":1,\"values\":\"AAAA\"}"}) {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/v1/forecast")
                        .toURL().openConnection();
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
                assertEquals(400, c.getResponseCode(), body);
                String answer = new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.contains("\"error\""), answer);
            }
            assertEquals(4, server.rejected());
            assertEquals(0, server.forecasts());
        }
    }

    @Test
    void listenAddressesParse() throws IOException {
        assertTrue(ServeModelCommand.parseListen("127.0.0.1:6680").getAddress().isLoopbackAddress());
        assertEquals(0, ServeModelCommand.parseListen("[::1]:0").getPort());
        assertThrows(IllegalArgumentException.class, () -> ServeModelCommand.parseListen("localhost"));
        assertThrows(IllegalArgumentException.class, () -> ServeModelCommand.parseListen("h:70000"));
        assertFalse(ServeModelCommand.parseListen("0.0.0.0:1").getAddress().isLoopbackAddress());
    }
}
