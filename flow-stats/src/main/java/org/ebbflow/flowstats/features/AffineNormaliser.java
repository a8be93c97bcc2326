package org.ebbflow.flowstats.features;

import java.util.Arrays;
import java.util.Map;

/**
 * The common form of the normalisers: per channel, an optional log1p, then {@code (x - offset) / scale}. The scale
 * passed in is already guarded (never zero), so the transform is defined and invertible for every channel.
 */
abstract class AffineNormaliser implements Normaliser {
    private final double[] offset;
    private final double[] scale;
    private final boolean[] log1p;

    AffineNormaliser(double[] offset, double[] scale, boolean[] log1p) {
        this.offset = offset;
        this.scale = scale;
        this.log1p = log1p;
    }

    @Override
    public int channels() {
        return offset.length;
    }

    @Override
    public float transform(float v, int channel) {
        double x = log1p[channel] ? Math.log1p(v) : v;
        return (float) ((x - offset[channel]) / scale[channel]);
    }

    @Override
    public float inverse(float v, int channel) {
        double x = v * scale[channel] + offset[channel];
        return (float) (log1p[channel] ? Math.expm1(x) : x);
    }

    /** @return the scale actually divided by in {@code channel} (after the guard), for tests and diagnostics */
    double scale(int channel) {
        return scale[channel];
    }

    /** @return the offset subtracted in {@code channel} */
    double offset(int channel) {
        return offset[channel];
    }

    @Override
    public boolean equals(Object o) {
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        Map<String, double[]> mine = parameters();
        Map<String, double[]> theirs = ((Normaliser) o).parameters();
        if (!mine.keySet().equals(theirs.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : mine.entrySet()) {
            if (!Arrays.equals(e.getValue(), theirs.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = kind().hashCode();
        for (double[] v : parameters().values()) {
            h = h * 31 + Arrays.hashCode(v);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind().id()).append('{');
        for (Map.Entry<String, double[]> e : parameters().entrySet()) {
            sb.append(e.getKey()).append('=').append(Arrays.toString(e.getValue())).append(' ');
        }
        return sb.append('}').toString();
    }

    /** @return the scale to divide by: the spread if positive and finite, else 1 (a constant or empty channel) */
    static double guard(double spread) {
        return spread > 0 && !Double.isInfinite(spread) ? spread : 1.0;
    }
}
