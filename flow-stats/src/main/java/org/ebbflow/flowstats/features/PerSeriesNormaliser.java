package org.ebbflow.flowstats.features;

import java.util.Objects;

/**
 * Normalises each series of a window by its own statistics, for a global model that must transfer to ports it never
 * saw in training: the model learns shapes, not one port's scale. The statistics of each series are returned with
 * the normalised window so that the model's outputs for that series can be read back in its units.
 *
 * <p>Only traffic channels are normalised; time encodings pass through unchanged (they are bounded already and
 * constant statistics over a short window would mean nothing). The guards of the chosen kind apply per series: a
 * series constant over its window (an idle port) maps to 0 rather than dividing by zero. Immutable.
 */
public final class PerSeriesNormaliser {
    private final NormaliserKind kind;
    private final boolean log1pTraffic;

    private PerSeriesNormaliser(NormaliserKind kind, boolean log1pTraffic) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.log1pTraffic = log1pTraffic;
    }

    /** @return a per-series normaliser of a kind (robust without log1p) */
    public static PerSeriesNormaliser of(NormaliserKind kind) {
        return new PerSeriesNormaliser(kind, false);
    }

    /** @return a per-series robust normaliser, with log1p of the traffic channels if asked */
    public static PerSeriesNormaliser robust(boolean log1pTraffic) {
        return new PerSeriesNormaliser(NormaliserKind.ROBUST, log1pTraffic);
    }

    /** @return the kind fitted per series */
    public NormaliserKind kind() {
        return kind;
    }

    /** @return true if traffic channels go through log1p first (robust only) */
    public boolean log1pTraffic() {
        return log1pTraffic;
    }

    /** @return the window with every series normalised by its own statistics, and those statistics */
    public Result apply(FeatureWindow window) {
        int per = window.steps() * window.channels();
        int ch = window.channels();
        boolean[] traffic = ChannelStats.trafficChannels(window.spec());
        float[] all = window.toArrayNWC();
        float[] slice = new float[per];
        Normaliser[] scalings = new Normaliser[window.batch()];
        for (int b = 0; b < window.batch(); b++) {
            System.arraycopy(all, b * per, slice, 0, per);
            Normaliser n;
            switch (kind) {
                case MIN_MAX: n = MinMaxNormaliser.fit(slice, ch, traffic); break;
                case Z_SCORE: n = ZScoreNormaliser.fit(slice, ch, traffic); break;
                default: n = RobustNormaliser.fit(slice, ch, traffic, log1pTraffic ? traffic : null); break;
            }
            n.transformInPlace(slice, ch);
            System.arraycopy(slice, 0, all, b * per, per);
            scalings[b] = n;
        }
        return new Result(window.withData(all), scalings);
    }

    /** A normalised window and, per series, the normaliser fitted on that series alone. Immutable. */
    public static final class Result {
        private final FeatureWindow window;
        private final Normaliser[] scalings;

        private Result(FeatureWindow window, Normaliser[] scalings) {
            this.window = window;
            this.scalings = scalings;
        }

        /** @return the normalised window */
        public FeatureWindow window() {
            return window;
        }

        /** @return the statistics of series {@code b} as a normaliser: its parameters are what to save or log */
        public Normaliser scaling(int b) {
            return scalings[b];
        }

        /** @return a model output for series {@code b} in {@code channel}'s units (e.g. a forecast rate in bit/s) */
        public float inverse(int b, float value, int channel) {
            return scalings[b].inverse(value, channel);
        }
    }
}
