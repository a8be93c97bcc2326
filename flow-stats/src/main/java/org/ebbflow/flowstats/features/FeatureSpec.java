package org.ebbflow.flowstats.features;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link FeatureWindow} holds: the ordered features, the window length in steps, the step length, lagged copies
 * of the traffic features and the time zone of the time encodings. Immutable.
 *
 * <p><b>Channels.</b> A window has {@link #channelCount()} channels per step: first the features in their given order,
 * then, for each lag in ascending order, a copy of every traffic feature of the spec (in spec order) read {@code lag}
 * steps earlier. A lag channel at window step {@code t} holds the feature at step {@code t - lag}: with a lag of one
 * day in steps it is "the same step yesterday". Time encodings are never lagged (they would repeat themselves). A lag
 * shorter than the window repeats values the window already holds; it is allowed but rarely useful.
 *
 * <p><b>Where lags come from.</b> A {@link FeatureExtractor} reads every step, window or lag, from the finest tier of
 * the store that still holds it: the fine tier for recent steps, a coarse tier (the mean rate of the coarse step that
 * contains the fine step) for older ones, so a lag of a day works with a store that keeps the fine grid for minutes
 * only. A step no tier holds is NaN. Size the coarsest tier to span at least the largest lag plus the window.
 *
 * <p><b>Text form.</b> {@link #toText()} writes a stable single line that model files record, e.g.
 * {@code version=1;features=RATE_IN_BPS,RATE_OUT_BPS;window=12;stepMillis=5000;lags=17280;zone=UTC};
 * {@link #parse(String)} reads it back. Equal specs have equal text.
 */
public final class FeatureSpec {
    /** The version of the text form written by {@link #toText()}. */
    public static final int TEXT_VERSION = 1;

    private final List<Feature> features;
    private final int windowSteps;
    private final long stepMillis;
    private final int[] lagSteps;
    private final ZoneId zone;
    private final List<Feature> trafficFeatures;

    private FeatureSpec(Builder b) {
        if (b.features.isEmpty()) {
            throw new IllegalArgumentException("a feature spec needs at least one feature");
        }
        Set<Feature> seen = EnumSet.noneOf(Feature.class);
        for (Feature f : b.features) {
            if (!seen.add(Objects.requireNonNull(f, "feature"))) {
                throw new IllegalArgumentException("feature listed twice: " + f);
            }
        }
        if (b.windowSteps < 1) {
            throw new IllegalArgumentException("window must be at least one step: " + b.windowSteps);
        }
        if (b.stepMillis <= 0) {
            throw new IllegalArgumentException("step must be positive: " + b.stepMillis + " ms");
        }
        int[] lags = b.lagSteps.clone();
        Arrays.sort(lags);
        for (int i = 0; i < lags.length; i++) {
            if (lags[i] < 1) {
                throw new IllegalArgumentException("lags must be at least one step: " + lags[i]);
            }
            if (i > 0 && lags[i] == lags[i - 1]) {
                throw new IllegalArgumentException("lag listed twice: " + lags[i]);
            }
        }
        List<Feature> traffic = new ArrayList<>();
        for (Feature f : b.features) {
            if (f.isTraffic()) {
                traffic.add(f);
            }
        }
        if (lags.length > 0 && traffic.isEmpty()) {
            throw new IllegalArgumentException("lags need at least one traffic feature to copy");
        }
        this.features = Collections.unmodifiableList(new ArrayList<>(b.features));
        this.windowSteps = b.windowSteps;
        this.stepMillis = b.stepMillis;
        this.lagSteps = lags;
        // Normalised so that "UTC", "Z" and "Etc/UTC" are one spec.
        this.zone = Objects.requireNonNull(b.zone, "zone").normalized();
        this.trafficFeatures = Collections.unmodifiableList(traffic);
    }

    /**
     * @param windowSteps the window length W in steps, at least 1
     * @param stepMillis the step length in milliseconds (the store's fine step)
     * @return a builder with no features, no lags and UTC time encodings
     */
    public static Builder builder(int windowSteps, long stepMillis) {
        return new Builder(windowSteps, stepMillis);
    }

    /** @return a spec of the given features with no lags and UTC time encodings */
    public static FeatureSpec of(List<Feature> features, int windowSteps, long stepMillis) {
        return builder(windowSteps, stepMillis).features(features).build();
    }

    /** @return the four traffic features of the method (bytes in, bytes out, in-rate, out-rate), no lags */
    public static FeatureSpec trafficOnly(int windowSteps, long stepMillis) {
        return of(Arrays.asList(Feature.BYTES_IN, Feature.BYTES_OUT, Feature.RATE_IN_BPS, Feature.RATE_OUT_BPS),
                windowSteps, stepMillis);
    }

    /** @return the features in channel order (the lag channels follow them) */
    public List<Feature> features() {
        return features;
    }

    /** @return the traffic features in spec order: the ones lag channels copy */
    public List<Feature> trafficFeatures() {
        return trafficFeatures;
    }

    /** @return the window length W in steps */
    public int windowSteps() {
        return windowSteps;
    }

    /** @return the step length in milliseconds */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the lags in steps, ascending (a copy; empty if none) */
    public int[] lagSteps() {
        return lagSteps.clone();
    }

    /** @return the number of lags */
    public int lagCount() {
        return lagSteps.length;
    }

    /** @return the {@code i}-th lag in steps, ascending */
    public int lagSteps(int i) {
        return lagSteps[i];
    }

    /** @return the zone whose local time the time encodings use (UTC unless set), normalised (UTC is "Z") */
    public ZoneId zone() {
        return zone;
    }

    /** @return the number of channels C per step: features plus lags times traffic features */
    public int channelCount() {
        return features.size() + lagSteps.length * trafficFeatures.size();
    }

    /** @return the feature channel {@code c} carries */
    public Feature channelFeature(int c) {
        checkChannel(c);
        if (c < features.size()) {
            return features.get(c);
        }
        return trafficFeatures.get((c - features.size()) % trafficFeatures.size());
    }

    /** @return the lag of channel {@code c} in steps, 0 for a feature channel */
    public int channelLag(int c) {
        checkChannel(c);
        return c < features.size() ? 0 : lagSteps[(c - features.size()) / trafficFeatures.size()];
    }

    /** @return a channel's name: the feature's name, with {@code @lag<steps>} for a lag channel */
    public String channelName(int c) {
        int lag = channelLag(c);
        return lag == 0 ? channelFeature(c).name() : channelFeature(c).name() + "@lag" + lag;
    }

    /** @return the channel of a feature without lag, or -1 if the spec does not have it */
    public int channelOf(Feature f) {
        return features.indexOf(f);
    }

    /** @return the channel of a traffic feature at a lag of the spec (0 = no lag), or -1 if the spec has none */
    public int channelOf(Feature f, int lag) {
        if (lag == 0) {
            return channelOf(f);
        }
        int l = Arrays.binarySearch(lagSteps, lag);
        int k = trafficFeatures.indexOf(f);
        return l < 0 || k < 0 ? -1 : features.size() + l * trafficFeatures.size() + k;
    }

    /** @return the largest lag in steps, 0 if none */
    public int maxLag() {
        return lagSteps.length == 0 ? 0 : lagSteps[lagSteps.length - 1];
    }

    private void checkChannel(int c) {
        if (c < 0 || c >= channelCount()) {
            throw new IndexOutOfBoundsException("channel " + c + " of " + channelCount());
        }
    }

    /** @return the stable one-line text form (see the class comment) */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("version=").append(TEXT_VERSION).append(";features=");
        for (int i = 0; i < features.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(features.get(i).name());
        }
        sb.append(";window=").append(windowSteps).append(";stepMillis=").append(stepMillis).append(";lags=");
        for (int i = 0; i < lagSteps.length; i++) {
            sb.append(i == 0 ? "" : ",").append(lagSteps[i]);
        }
        return sb.append(";zone=").append(zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()).toString();
    }

    /**
     * Reads the text form of {@link #toText()}. Keys may come in any order; {@code lags} (default none) and
     * {@code zone} (default UTC) may be left out.
     *
     * @throws IllegalArgumentException naming the key and value at fault: unknown, repeated or missing keys, an
     *         unsupported version, an unknown feature, a number that does not parse, an unknown zone
     */
    public static FeatureSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : text.trim().split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw error(text, "expected key=value, found '" + part + "'");
            }
            String key = part.substring(0, eq).trim();
            if (kv.put(key, part.substring(eq + 1).trim()) != null) {
                throw error(text, "key '" + key + "' given twice");
            }
        }
        for (String key : kv.keySet()) {
            if (!Arrays.asList("version", "features", "window", "stepMillis", "lags", "zone").contains(key)) {
                throw error(text, "unknown key '" + key + "'");
            }
        }
        int version = parseInt(text, "version", require(text, kv, "version"));
        if (version != TEXT_VERSION) {
            throw error(text, "unsupported version " + version + " (this code reads version " + TEXT_VERSION + ")");
        }
        Builder b = builder(parseInt(text, "window", require(text, kv, "window")),
                parseLong(text, "stepMillis", require(text, kv, "stepMillis")));
        List<Feature> fs = new ArrayList<>();
        for (String name : require(text, kv, "features").split(",", -1)) {
            try {
                fs.add(Feature.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw error(text, "unknown feature '" + name.trim() + "' (known: "
                        + Arrays.toString(Feature.values()) + ")");
            }
        }
        b.features(fs);
        String lags = kv.getOrDefault("lags", "");
        if (!lags.isEmpty()) {
            String[] parts = lags.split(",", -1);
            int[] l = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                l[i] = parseInt(text, "lags", parts[i].trim());
            }
            b.lags(l);
        }
        if (kv.containsKey("zone")) {
            try {
                b.zone(ZoneId.of(kv.get("zone")));
            } catch (DateTimeException e) {
                throw error(text, "unknown zone '" + kv.get("zone") + "'");
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw error(text, e.getMessage());
        }
    }

    private static String require(String text, Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null || v.isEmpty()) {
            throw error(text, "missing key '" + key + "'");
        }
        return v;
    }

    private static int parseInt(String text, String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(text, key + ": not an integer: '" + value + "'");
        }
    }

    private static long parseLong(String text, String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw error(text, key + ": not an integer: '" + value + "'");
        }
    }

    private static IllegalArgumentException error(String text, String problem) {
        return new IllegalArgumentException("feature spec '" + text + "': " + problem);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FeatureSpec)) {
            return false;
        }
        FeatureSpec s = (FeatureSpec) o;
        return features.equals(s.features) && windowSteps == s.windowSteps && stepMillis == s.stepMillis
                && Arrays.equals(lagSteps, s.lagSteps) && zone.equals(s.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, windowSteps, stepMillis, Arrays.hashCode(lagSteps), zone);
    }

    @Override
    public String toString() {
        return toText();
    }

    /** Builds a {@link FeatureSpec}. */
    public static final class Builder {
        private final int windowSteps;
        private final long stepMillis;
        private final List<Feature> features = new ArrayList<>();
        private int[] lagSteps = new int[0];
        private ZoneId zone = ZoneOffset.UTC;

        private Builder(int windowSteps, long stepMillis) {
            this.windowSteps = windowSteps;
            this.stepMillis = stepMillis;
        }

        /** Appends features in channel order. */
        public Builder features(Feature... fs) {
            return features(Arrays.asList(fs));
        }

        /** Appends features in channel order. */
        public Builder features(List<Feature> fs) {
            features.addAll(fs);
            return this;
        }

        /** @param steps lags in steps, each at least 1 (sorted ascending by the spec) */
        public Builder lags(int... steps) {
            this.lagSteps = steps.clone();
            return this;
        }

        /** @param zone the zone whose local time the time encodings use */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalArgumentException if there are no features or duplicates, W &lt; 1, a step not positive,
         *         a lag below 1 or repeated, or lags without a traffic feature
         */
        public FeatureSpec build() {
            return new FeatureSpec(this);
        }
    }
}
