package org.ebbflow.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.remote.ForecastProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ebbflow serve-model}: serves a model file over loopback HTTP for a controller that cannot load it. */
@Command(name = "serve-model", description = {"Serve a traffic model over HTTP until interrupted.",
    "For the ONOS app (and any other controller) when the model needs DL4J or Tribuo, which cannot run inside an "
        + "OSGi bundle. JSON over HTTP: GET " + ForecastProtocol.MODEL_PATH + ", POST " + ForecastProtocol.FORECAST_PATH
        + ". No authentication: it listens on 127.0.0.1 unless told otherwise."})
public final class ServeModelCommand extends EbbflowSubcommand {
    @Option(names = "--model", required = true, paramLabel = "FILE|NAME",
            description = "A model file (any kind: mlp, lstm, linear, xgboost, cart), 'default' or a baseline.")
    private String model;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:6680",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String listen;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "The series step the clients poll at, ISO-8601 (default: ${DEFAULT-VALUE}, ONOS's port "
                    + "statistics interval). Step-free models (the default MLP) adapt to it.")
    private Duration step;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "12",
            description = "Horizon of baselines, in steps (default: ${DEFAULT-VALUE}); models keep their own.")
    private int horizon;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds (default 0: run until interrupted).")
    private long durationSeconds;

    @Mixin
    private JsonOutput json;

    @Override
    protected int execute() throws Exception {
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("--duration must not be negative, got " + durationSeconds);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("--step must be positive, got " + step);
        }
        InetSocketAddress address = parseListen(listen);
        TrafficPredictor predictor = ModelChoice.resolve(model, step.toMillis(), horizon);
        if (!address.getAddress().isLoopbackAddress()) {
            err().println("ebbflow serve-model: warning: listening on " + address.getHostString()
                    + ", not loopback; the server has no authentication");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "ebbflow-serve-model-stop");
        try (ModelServer server = new ModelServer(predictor, address)) {
            InetSocketAddress bound = server.start();
            err().println("ebbflow serve-model: " + predictor.name() + " (" + predictor.featureSpec().toText()
                    + ", H=" + predictor.horizon() + ") on http://" + bound.getHostString() + ":" + bound.getPort()
                    + " (Ctrl-C to stop)");
            err().flush();
            Runtime.getRuntime().addShutdownHook(hook);
            long deadline = durationSeconds == 0 ? Long.MAX_VALUE
                    : System.nanoTime() + durationSeconds * 1_000_000_000L;
            while (!stop.await(1, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                // serving
            }
            if (json.enabled()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", predictor.name());
                m.put("address", bound.getHostString() + ":" + bound.getPort());
                m.put("forecasts", server.forecasts());
                m.put("series", server.series());
                m.put("rejected", server.rejected());
                json.print(out(), m);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
        return ExitCodes.OK;
    }

    static InetSocketAddress parseListen(String text) throws java.net.UnknownHostException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--listen must be HOST:PORT, got '" + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen port must be a number, got '" + text + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen port must be 0..65535, got " + port);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }
}
