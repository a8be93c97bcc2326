package org.ebbflow.predictor.remote;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.ebbflow.flowstats.features.FeatureSpec;
import org.ebbflow.flowstats.features.FeatureWindow;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.predictor.TrafficPredictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forecasts with a primary predictor (typically a {@link RemotePredictor}) and, whenever it fails, with a fallback
 * that reads the same windows (a baseline: it needs only the receive-rate channel and the same step). Loud: the first
 * failure of an outage is a WARN naming the cause and the fallback, every later one is counted, and recovery is
 * logged at INFO. Thread-safe.
 */
public final class FailoverPredictor implements TrafficPredictor {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverPredictor.class);

    private final TrafficPredictor primary;
    private final TrafficPredictor fallback;
    private final AtomicLong fallbacks = new AtomicLong();
    private volatile boolean failing;
    private volatile String lastError;

    /**
     * @param primary the predictor to use when it answers
     * @param fallback used when the primary throws; must accept the primary's windows
     */
    public FailoverPredictor(TrafficPredictor primary, TrafficPredictor fallback) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        if (fallback.featureSpec().stepMillis() != primary.featureSpec().stepMillis()) {
            throw new IllegalArgumentException("fallback step " + fallback.featureSpec().stepMillis()
                    + " ms differs from the primary's " + primary.featureSpec().stepMillis() + " ms");
        }
    }

    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public FeatureSpec featureSpec() {
        return primary.featureSpec();
    }

    @Override
    public int horizon() {
        return primary.horizon();
    }

    @Override
    public double quantile() {
        return primary.quantile();
    }

    @Override
    public Forecast forecast(FeatureWindow window) {
        try {
            Forecast f = primary.forecast(window);
            if (failing) {
                failing = false;
                LOG.info("{} answers again after {} forecasts from the {} fallback", primary, fallbacks.get(),
                        fallback.name());
            }
            return f;
        } catch (RuntimeException e) {
            fallbacks.incrementAndGet();
            lastError = String.valueOf(e.getMessage());
            if (!failing) {
                failing = true;
                LOG.warn("{} failed ({}); forecasting with the {} baseline until it answers again", primary,
                        lastError, fallback.name());
            }
            return fallback.forecast(window);
        }
    }

    /** @return the primary predictor */
    public TrafficPredictor primary() {
        return primary;
    }

    /** @return the fallback */
    public TrafficPredictor fallback() {
        return fallback;
    }

    /** @return true if the last forecast came from the fallback */
    public boolean isFailing() {
        return failing;
    }

    /** @return how many forecasts came from the fallback so far */
    public long fallbackCount() {
        return fallbacks.get();
    }

    /** @return the primary's last error message, or null if it never failed */
    public String lastError() {
        return lastError;
    }

    @Override
    public String toString() {
        return "FailoverPredictor{" + primary + " -> " + fallback.name() + (failing ? ", failing" : "") + "}";
    }
}
