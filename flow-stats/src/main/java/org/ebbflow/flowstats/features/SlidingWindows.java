package org.ebbflow.flowstats.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Training examples: input windows and, per window, the target features at horizons 1..H after it. Targets are held
 * as one {@code float[]} laid out [b][h][k] (window, horizon, target feature), index {@code (b * H + h - 1) * K + k};
 * a NaN target is an unobserved step. Immutable: arrays are copied on the way out.
 */
public final class SlidingWindows {
    private final FeatureWindow inputs;
    private final float[] targets;
    private final int horizon;
    private final List<Feature> targetFeatures;

    SlidingWindows(FeatureWindow inputs, float[] targets, int horizon, List<Feature> targetFeatures) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.targets = targets;
        this.horizon = horizon;
        this.targetFeatures = Collections.unmodifiableList(new ArrayList<>(targetFeatures));
        if (targets.length != inputs.batch() * horizon * targetFeatures.size()) {
            throw new IllegalArgumentException("targets do not match " + inputs.batch() + " windows");
        }
    }

    /**
     * @return the examples of all parts one after the other (e.g. one part per machine or port)
     * @throws IllegalArgumentException if the parts differ in spec, horizon or target features, or there are none
     */
    public static SlidingWindows concat(List<SlidingWindows> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        SlidingWindows first = parts.get(0);
        List<FeatureWindow> inputs = new ArrayList<>();
        int n = 0;
        for (SlidingWindows p : parts) {
            if (p.horizon != first.horizon || !p.targetFeatures.equals(first.targetFeatures)) {
                throw new IllegalArgumentException("parts differ in horizon or targets");
            }
            inputs.add(p.inputs);
            n += p.targets.length;
        }
        float[] t = new float[n];
        int at = 0;
        for (SlidingWindows p : parts) {
            System.arraycopy(p.targets, 0, t, at, p.targets.length);
            at += p.targets.length;
        }
        return new SlidingWindows(FeatureWindow.concat(inputs), t, first.horizon, first.targetFeatures);
    }

    /** @return the input windows */
    public FeatureWindow inputs() {
        return inputs;
    }

    /** @return the number of examples */
    public int size() {
        return inputs.batch();
    }

    /** @return the horizon H in steps */
    public int horizon() {
        return horizon;
    }

    /** @return the target features K, in target order */
    public List<Feature> targetFeatures() {
        return targetFeatures;
    }

    /** @return the target of window {@code b} at horizon {@code h} (1..H) for target feature {@code k} */
    public float target(int b, int h, int k) {
        if (b < 0 || b >= size() || h < 1 || h > horizon || k < 0 || k >= targetFeatures.size()) {
            throw new IndexOutOfBoundsException("target (" + b + ", " + h + ", " + k + ")");
        }
        return targets[targetIndex(b, h, k)];
    }

    /** @return the position of target (b, h, k) in {@link #targets()}: {@code (b * H + h - 1) * K + k} */
    public int targetIndex(int b, int h, int k) {
        return (b * horizon + h - 1) * targetFeatures.size() + k;
    }

    /** @return a copy of the targets, [b][h][k] */
    public float[] targets() {
        return targets.clone();
    }

    /**
     * @return for each target feature, the input channel of the same feature (-1 if the spec lacks it): the column
     *         map to normalise targets with the inputs' normaliser ({@link Normaliser#transformColumns})
     */
    public int[] targetChannels() {
        int[] c = new int[targetFeatures.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = inputs.spec().channelOf(targetFeatures.get(k));
        }
        return c;
    }
}
