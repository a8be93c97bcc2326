package org.ebbflow.predictor.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.ebbflow.predictor.TimeSeries;

/**
 * Examples for a trainer, cut from series by time: per series, the windows whose targets fall in the training
 * part, the calibration part and the validation part of {@link TrainingOptions} (in that order in time; nothing is
 * shuffled across time). Inputs and targets are normalised per window ({@link WindowFeatures}). Immutable.
 */
public final class TrainingSet {
    private final TrainingOptions options;
    private final WindowFeatures features;
    private final List<String> sources;
    private final List<Map<String, Object>> sourceProvenance;
    private final Part train;
    private final Part calibration;
    private final Part validation;
    private final long stepMillis;

    private TrainingSet(TrainingOptions options, WindowFeatures features, List<String> sources,
                        List<Map<String, Object>> sourceProvenance, Part train, Part calibration, Part validation,
                        long stepMillis) {
        this.options = options;
        this.features = features;
        this.sources = sources;
        this.sourceProvenance = sourceProvenance;
        this.train = train;
        this.calibration = calibration;
        this.validation = validation;
        this.stepMillis = stepMillis;
    }

    /**
     * @param series the series to learn from; their task classes (when any carries one) become one-hot inputs
     * @throws IllegalArgumentException if there are no series or no series is long enough for a training window
     */
    public static TrainingSet of(List<TimeSeries> series, TrainingOptions options) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to train on");
        }
        TreeSet<String> classes = new TreeSet<>();
        Map<String, Integer> sourceIndex = new LinkedHashMap<>();
        Map<String, long[]> spans = new LinkedHashMap<>();
        for (TimeSeries s : series) {
            if (s.taskClass() != null) {
                classes.add(s.taskClass());
            }
            sourceIndex.putIfAbsent(s.source(), sourceIndex.size());
        }
        WindowFeatures features = WindowFeatures.of(options.windowSteps(), new ArrayList<>(classes),
                options.layout());
        boolean ratios = options.stepScaled();
        Builder train = new Builder(features, options.horizon(), false);
        Builder cal = new Builder(features, options.horizon(), ratios);
        Builder val = new Builder(features, options.horizon(), ratios);
        int w = options.windowSteps();
        int h = options.horizon();
        for (TimeSeries s : series) {
            int used = (int) Math.floor(s.length() * (1 - options.holdout()));
            int trainEnd = (int) Math.floor(used * (1 - options.calibration() - options.validation()));
            int calEnd = (int) Math.floor(used * (1 - options.validation()));
            double[] v = s.values();
            int src = sourceIndex.get(s.source());
            for (int e = w; e + h <= trainEnd; e += options.stride()) {
                train.add(v, e, s.taskClass(), src, true);
            }
            int calFrom = Math.max(w, trainEnd);
            int blocks = options.calibrationBlocks();
            for (int e = calFrom; e + h <= calEnd; e++) {
                int block = (int) Math.min(blocks - 1, (long) (e - calFrom) * blocks / Math.max(1, calEnd - h + 1
                        - calFrom));
                cal.add(v, e, s.taskClass(), src * blocks + block, false);
            }
            for (int e = Math.max(w, calEnd); e + h <= used; e++) {
                val.add(v, e, s.taskClass(), src, false);
            }
            long[] span = spans.computeIfAbsent(s.source(), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, 0,
                s.stepMillis()});
            span[0] = Math.min(span[0], s.startMillis());
            span[1] = Math.max(span[1], s.startMillis() + s.length() * s.stepMillis());
            span[2]++;
            span[3] += used;
        }
        if (train.size == 0) {
            throw new IllegalArgumentException("no training window: series are shorter than window + horizon ("
                    + (w + h) + " steps) after the splits");
        }
        List<Map<String, Object>> prov = new ArrayList<>();
        for (Map.Entry<String, long[]> e : spans.entrySet()) {
            long[] sp = e.getValue();
            prov.add(Provenance.source(e.getKey(), (int) sp[2], sp[4], sp[0], sp[1], sp[3]));
        }
        return new TrainingSet(options, features, Collections.unmodifiableList(new ArrayList<>(sourceIndex.keySet())),
                Collections.unmodifiableList(prov), train.build(), cal.build(), val.build(),
                series.get(0).stepMillis());
    }

    /** @return the training windows of each source, by source index */
    public int[] trainingWindowsPerSource() {
        int[] count = new int[sources.size()];
        for (int i = 0; i < train.size(); i++) {
            count[train.source(i)]++;
        }
        return count;
    }

    /** @return the options it was cut with */
    public TrainingOptions options() {
        return options;
    }

    /** @return how inputs are built */
    public WindowFeatures features() {
        return features;
    }

    /** @return the data sources, by index */
    public List<String> sources() {
        return sources;
    }

    /** @return per source: spec, series, step, time span, steps used */
    public List<Map<String, Object>> sourceProvenance() {
        return sourceProvenance;
    }

    /** @return the step of the first series, recorded in the model's feature spec */
    public long stepMillis() {
        return stepMillis;
    }

    /** @return the training windows (idle windows and NaN targets left out) */
    public Part train() {
        return train;
    }

    /** @return the calibration windows */
    public Part calibration() {
        return calibration;
    }

    /** @return the validation windows */
    public Part validation() {
        return validation;
    }

    /**
     * Windows of one part: normalised inputs and targets, the per-window location and scale, raw targets and the
     * source of each. Arrays are shared, not copied: read only.
     */
    public static final class Part {
        private final int size;
        private final int inputCount;
        private final int horizon;
        private final float[] inputs;
        private final float[] targets;
        private final double[] scales;
        private final double[] actuals;
        private final int[] sources;
        private final float[] ratios;

        Part(int size, int inputCount, int horizon, float[] inputs, float[] targets, double[] scales,
             double[] actuals, int[] sources, float[] ratios) {
            this.ratios = ratios;
            this.size = size;
            this.inputCount = inputCount;
            this.horizon = horizon;
            this.inputs = inputs;
            this.targets = targets;
            this.scales = scales;
            this.actuals = actuals;
            this.sources = sources;
        }

        /** @return windows */
        public int size() {
            return size;
        }

        /** @return inputs per window */
        public int inputCount() {
            return inputCount;
        }

        /** @return H */
        public int horizon() {
            return horizon;
        }

        /** @return normalised inputs, {@code size * inputCount}, row-major (do not modify) */
        public float[] inputs() {
            return inputs;
        }

        /** @return normalised targets, {@code size * horizon} (do not modify) */
        public float[] targets() {
            return targets;
        }

        /** @return window {@code i}'s location (newest value) */
        public double location(int i) {
            return scales[2 * i];
        }

        /** @return window {@code i}'s scale */
        public double scale(int i) {
            return scales[2 * i + 1];
        }

        /**
         * @return window {@code i}'s h-step ratio at step {@code h} (0-based, {@link WindowFeatures#stepRatios}), or
         *         1 if the part was cut without them (training windows, or options without h-step scales)
         */
        public float stepRatio(int i, int h) {
            return ratios == null ? 1f : ratios[i * horizon + h];
        }

        /** @return window {@code i}'s raw target at step {@code h} (0-based), in the series' unit */
        public double actual(int i, int h) {
            return actuals[i * horizon + h];
        }

        /**
         * @return window {@code i}'s source index; in the calibration part, its calibration group
         *         {@code source * blocks + block} ({@link TrainingOptions#calibrationBlocks()})
         */
        public int source(int i) {
            return sources[i];
        }
    }

    /** Accumulates windows into growing primitive arrays. */
    private static final class Builder {
        private final WindowFeatures features;
        private final int d;
        private final int h;
        private float[] inputs = new float[0];
        private float[] targets = new float[0];
        private double[] scales = new double[0];
        private double[] actuals = new double[0];
        private int[] sources = new int[0];
        private float[] ratios;
        private int size;

        Builder(WindowFeatures features, int horizon, boolean withRatios) {
            this.ratios = withRatios ? new float[0] : null;
            this.features = features;
            this.d = features.inputCount();
            this.h = horizon;
        }

        void add(double[] v, int end, String taskClass, int source, boolean training) {
            for (int k = 0; k < h; k++) {
                if (Double.isNaN(v[end + k])) {
                    return;
                }
            }
            grow();
            if (!features.encode(v, end - features.windowSteps(), taskClass, inputs, size * d, scales, size)) {
                return;
            }
            double loc = scales[2 * size];
            double scale = scales[2 * size + 1];
            if (training && !(scale > 0)) {
                return;
            }
            if (ratios != null) {
                features.stepRatios(v, end - features.windowSteps(), scale, h, ratios, size * h);
            }
            for (int k = 0; k < h; k++) {
                targets[size * h + k] = WindowFeatures.target(v[end + k], loc, scale);
                actuals[size * h + k] = v[end + k];
            }
            sources[size] = source;
            size++;
        }

        private void grow() {
            if (size < sources.length) {
                return;
            }
            int cap = Math.max(1024, sources.length * 2);
            inputs = Arrays.copyOf(inputs, cap * d);
            targets = Arrays.copyOf(targets, cap * h);
            scales = Arrays.copyOf(scales, cap * 2);
            actuals = Arrays.copyOf(actuals, cap * h);
            sources = Arrays.copyOf(sources, cap);
            if (ratios != null) {
                ratios = Arrays.copyOf(ratios, cap * h);
            }
        }

        Part build() {
            return new Part(size, d, h, Arrays.copyOf(inputs, size * d),
                    Arrays.copyOf(targets, size * h), Arrays.copyOf(scales, size * 2),
                    Arrays.copyOf(actuals, size * h), Arrays.copyOf(sources, size),
                    ratios == null ? null : Arrays.copyOf(ratios, size * h));
        }
    }
}
