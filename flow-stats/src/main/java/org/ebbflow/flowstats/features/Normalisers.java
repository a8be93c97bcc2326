package org.ebbflow.flowstats.features;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/** Fits and restores {@link Normaliser}s by kind, as the training and model-loading code need. */
public final class Normalisers {
    private Normalisers() {
    }

    /**
     * Fits a normaliser of a kind to every channel of training data (robust: without log1p).
     *
     * @param data a row-major matrix of {@code channels} columns; NaN and infinities are ignored
     */
    public static Normaliser fit(NormaliserKind kind, float[] data, int channels) {
        switch (kind) {
            case MIN_MAX: return MinMaxNormaliser.fit(data, channels);
            case Z_SCORE: return ZScoreNormaliser.fit(data, channels);
            case ROBUST: return RobustNormaliser.fit(data, channels);
            default: throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /**
     * Rebuilds a normaliser saved as its kind and {@link Normaliser#parameters()}; it transforms exactly as the saved
     * one did.
     *
     * @throws IllegalArgumentException naming the parameter at fault: a missing or unknown name, arrays of
     *         different or zero length, a non-finite value, or a value the kind forbids (max below min, a negative
     *         spread, a log1p flag other than 0 or 1)
     */
    public static Normaliser restore(NormaliserKind kind, Map<String, double[]> parameters) {
        switch (kind) {
            case MIN_MAX: return MinMaxNormaliser.restore(parameters);
            case Z_SCORE: return ZScoreNormaliser.restore(parameters);
            case ROBUST: return RobustNormaliser.restore(parameters);
            default: throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /** As {@link #restore(NormaliserKind, Map)} with the kind's identifier ({@link NormaliserKind#id()}). */
    public static Normaliser restore(String kindId, Map<String, double[]> parameters) {
        return restore(NormaliserKind.fromId(kindId), parameters);
    }

    static void keys(Map<String, double[]> p, String... names) {
        TreeSet<String> expected = new TreeSet<>(Arrays.asList(names));
        if (!p.keySet().equals(expected)) {
            throw new IllegalArgumentException("parameters " + new TreeSet<>(p.keySet()) + " do not match the expected "
                    + expected);
        }
    }

    static double[] finite(Map<String, double[]> p, String name, int length) {
        double[] v = p.get(name);
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException("parameter '" + name + "' is missing or empty");
        }
        if (length >= 0 && v.length != length) {
            throw new IllegalArgumentException("parameter '" + name + "' has " + v.length + " values, expected "
                    + length);
        }
        for (int c = 0; c < v.length; c++) {
            if (Double.isNaN(v[c]) || Double.isInfinite(v[c])) {
                throw new IllegalArgumentException("parameter '" + name + "' channel " + c + " is not finite: " + v[c]);
            }
        }
        return v.clone();
    }
}
