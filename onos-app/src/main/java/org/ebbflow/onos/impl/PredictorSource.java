package org.ebbflow.onos.impl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Paths;
import java.time.Duration;

import org.ebbflow.predictor.TrafficPredictor;
import org.ebbflow.predictor.baseline.Baselines;
import org.ebbflow.predictor.learned.DefaultModel;
import org.ebbflow.predictor.learned.LearnedPredictor;
import org.ebbflow.predictor.learned.ModelFileException;
import org.ebbflow.predictor.learned.ModelFiles;
import org.ebbflow.predictor.remote.FailoverPredictor;
import org.ebbflow.predictor.remote.RemotePredictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the predictor from the {@code modelPath} property, the same model files the CLI uses:
 * <ul>
 *   <li>{@code default}: the shipped model, a plain-Java MLP that runs inside the bundle;</li>
 *   <li>a baseline's name ({@code persistence}, {@code ewma}, {@code holt}, {@code seasonal-naive});</li>
 *   <li>a model file: loaded in the bundle if its kind runs in plain Java ({@code mlp}); a DL4J or Tribuo model
 *   cannot, and falls back to the baseline with a WARN that says to serve it with {@code ebbflow serve-model};</li>
 *   <li>{@code http://host:port}: a model served by {@code ebbflow serve-model}, with the baseline taking over, loudly,
 *   whenever the server does not answer (and until it is first reached).</li>
 * </ul>
 * Every choice forecasts at the statistics step.
 */
final class PredictorSource {
    /** How the predictor runs. */
    enum Mode {
        /** A learned model inside the bundle. */
        IN_BUNDLE("in-bundle"),
        /** A model served by another process, with a baseline fallback. */
        REMOTE("remote"),
        /** A baseline because it was asked for. */
        BASELINE("baseline"),
        /** A baseline because the configured model could not be used. */
        BASELINE_FALLBACK("baseline-fallback");

        private final String token;

        Mode(String token) {
            this.token = token;
        }

        /** @return the name reported in the status */
        String token() {
            return token;
        }
    }

    /** A chosen predictor and how it runs. */
    static final class Choice {
        final TrafficPredictor predictor;
        final Mode mode;

        Choice(TrafficPredictor predictor, Mode mode) {
            this.predictor = predictor;
            this.mode = mode;
        }
    }

    /** Horizon of baselines, in steps: the default model's. */
    static final int BASELINE_HORIZON = 12;
    static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(PredictorSource.class);

    private PredictorSource() {
    }

    /**
     * @param modelPath the property's value
     * @param fallback a baseline's name
     * @param stepMillis the statistics step
     * @return the predictor; never throws: anything unusable becomes the baseline, with a WARN
     */
    static Choice choose(String modelPath, String fallback, long stepMillis) {
        String baselineName = Baselines.isBaseline(fallback) ? fallback : OsgiPropertyConstants.FALLBACK_BASELINE_DEFAULT;
        if (!baselineName.equals(fallback)) {
            LOG.warn("fallbackBaseline '{}' is not a baseline ({}); using {}", fallback, Baselines.NAMES, baselineName);
        }
        TrafficPredictor baseline = Baselines.create(baselineName, stepMillis, BASELINE_HORIZON);
        String m = modelPath == null ? "" : modelPath.trim();
        if (m.isEmpty() || DefaultModel.NAME.equals(m)) {
            try {
                return new Choice(DefaultModel.load().atStep(stepMillis), Mode.IN_BUNDLE);
            } catch (ModelFileException | RuntimeException e) {
                LOG.warn("cannot load the default model ({}); falling back to the {} baseline", e.getMessage(),
                        baseline.name());
                return new Choice(baseline, Mode.BASELINE_FALLBACK);
            }
        }
        if (Baselines.isBaseline(m)) {
            return new Choice(Baselines.create(m, stepMillis, BASELINE_HORIZON), Mode.BASELINE);
        }
        if (m.startsWith("http://") || m.startsWith("https://")) {
            try {
                RemotePredictor remote = RemotePredictor.connect(URI.create(m), REMOTE_TIMEOUT);
                if (remote.featureSpec().stepMillis() != stepMillis) {
                    LOG.warn("the model served at {} forecasts {} ms steps but statistics are polled every {} ms "
                            + "(start it with --step PT{}S); falling back to the {} baseline", m,
                            remote.featureSpec().stepMillis(), stepMillis, stepMillis / 1000.0, baseline.name());
                    return new Choice(baseline, Mode.BASELINE_FALLBACK);
                }
                TrafficPredictor b = Baselines.create(baselineName, stepMillis, remote.horizon());
                LOG.info("forecasting with {} served at {}, {} baseline if it stops answering", remote.name(), m,
                        b.name());
                return new Choice(new FailoverPredictor(remote, b), Mode.REMOTE);
            } catch (IOException | RuntimeException e) {
                LOG.warn("model server {} unreachable ({}); forecasting with the {} baseline and retrying", m,
                        e.getMessage(), baseline.name());
                return new Choice(baseline, Mode.BASELINE_FALLBACK);
            }
        }
        TrafficPredictor p = ModelFiles.loadOrFallback(Paths.get(m), () -> baseline);
        if (p instanceof LearnedPredictor) {
            return new Choice(((LearnedPredictor) p).atStep(stepMillis), Mode.IN_BUNDLE);
        }
        LOG.warn("{} cannot run inside ONOS (DL4J and Tribuo models need `ebbflow serve-model --model {}` and "
                + "modelPath=http://127.0.0.1:6680)", m, m);
        return new Choice(p, Mode.BASELINE_FALLBACK);
    }

    /** @return true if the configured model is a server that may come back */
    static boolean isRemote(String modelPath) {
        String m = modelPath == null ? "" : modelPath.trim();
        return m.startsWith("http://") || m.startsWith("https://");
    }
}
