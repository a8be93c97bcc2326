package org.ebbflow.flowstats.features;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A batch of B series, each the last W steps of F channels, in one primitive {@code float[]}, ready for a model.
 *
 * <p><b>Layout.</b> Held as NWC (batch, time, channel), channel fastest: the value of series {@code b} at step
 * {@code t} (0 = oldest, W - 1 = newest) and channel {@code c} is at {@link #indexNWC(int, int, int)}
 * {@code = (b * W + t) * C + c}. {@link #toArrayNCW()} gives the transposed NCW (batch, channel, time) layout, time
 * fastest, {@code (b * C + c) * W + t}, which is DL4J's recurrent-input order {@code [miniBatch, features, time]}.
 * Channels are described by the {@link FeatureSpec}.
 *
 * <p><b>Metadata per series.</b> Its port index (the source port for a link, -1 for a series read from a file), the
 * destination port for a link (-1 otherwise), a label, the end step (exclusive: the window covers steps
 * {@code [endStep - W, endStep)}), and its missing data: {@link #missingSteps} (steps whose traffic features were
 * unobserved as read), {@link #filledSteps} (steps forward-filled) and {@link #nanSteps} (steps still holding a NaN).
 *
 * <p>Immutable: the values are copied on the way out, never exposed.
 */
public final class FeatureWindow {
    private final FeatureSpec spec;
    private final int batch;
    private final int steps;
    private final int channels;
    private final float[] data;
    private final int[] ports;
    private final int[] dstPorts;
    private final String[] labels;
    private final long[] endSteps;
    private final boolean[] missing;
    private final int[] filled;
    private final int[] nan;

    /** Takes ownership of every array. */
    FeatureWindow(FeatureSpec spec, int batch, float[] data, int[] ports, int[] dstPorts, String[] labels,
                  long[] endSteps, boolean[] missing, int[] filled, int[] nan) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.batch = batch;
        this.steps = spec.windowSteps();
        this.channels = spec.channelCount();
        if (data.length != batch * steps * channels || ports.length != batch || dstPorts.length != batch
                || labels.length != batch || endSteps.length != batch || missing.length != batch * steps
                || filled.length != batch || nan.length != batch) {
            throw new IllegalArgumentException("window arrays do not match " + batch + " x " + steps + " x "
                    + channels);
        }
        this.data = data;
        this.ports = ports;
        this.dstPorts = dstPorts;
        this.labels = labels;
        this.endSteps = endSteps;
        this.missing = missing;
        this.filled = filled;
        this.nan = nan;
    }

    /**
     * Rebuilds a window from its parts, e.g. one that crossed a process boundary (a model server). Copies every
     * array; NaN counts are recomputed from the values.
     *
     * @param spec the layout
     * @param valuesNWC batch x W x C values, NWC order
     * @param ports port index per series (-1 if none)
     * @param dstPorts destination port per series (-1 unless a link)
     * @param labels label per series
     * @param endSteps end step (exclusive) per series
     * @param missing batch x W flags: traffic unobserved at that step, before filling
     * @param filled forward-filled steps per series
     * @return the window
     * @throws IllegalArgumentException if the shapes disagree
     */
    public static FeatureWindow of(FeatureSpec spec, float[] valuesNWC, int[] ports, int[] dstPorts, String[] labels,
                                   long[] endSteps, boolean[] missing, int[] filled) {
        int batch = labels.length;
        FeatureWindow shape = new FeatureWindow(spec, batch, valuesNWC.clone(), ports.clone(), dstPorts.clone(),
                labels.clone(), endSteps.clone(), missing.clone(), filled.clone(), new int[batch]);
        return shape.withData(shape.data);
    }

    /** @return a window with the same metadata and other values (same layout); takes ownership of {@code values} */
    FeatureWindow withData(float[] values) {
        return new FeatureWindow(spec, batch, values, ports, dstPorts, labels, endSteps, missing, filled,
                countNaNSteps(values));
    }

    /** @return series {@code rows} of this window, in that order, as a new window */
    public FeatureWindow select(int[] rows) {
        int n = rows.length;
        int per = steps * channels;
        float[] d = new float[n * per];
        int[] p = new int[n];
        int[] dp = new int[n];
        String[] l = new String[n];
        long[] e = new long[n];
        boolean[] m = new boolean[n * steps];
        int[] f = new int[n];
        int[] nn = new int[n];
        for (int i = 0; i < n; i++) {
            int b = rows[i];
            checkSeries(b);
            System.arraycopy(data, b * per, d, i * per, per);
            System.arraycopy(missing, b * steps, m, i * steps, steps);
            p[i] = ports[b];
            dp[i] = dstPorts[b];
            l[i] = labels[b];
            e[i] = endSteps[b];
            f[i] = filled[b];
            nn[i] = nan[b];
        }
        return new FeatureWindow(spec, n, d, p, dp, l, e, m, f, nn);
    }

    /**
     * @return the series of all windows one after the other
     * @throws IllegalArgumentException if the windows have different specs or the list is empty
     */
    public static FeatureWindow concat(List<FeatureWindow> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        FeatureSpec spec = windows.get(0).spec;
        int n = 0;
        for (FeatureWindow w : windows) {
            if (!w.spec.equals(spec)) {
                throw new IllegalArgumentException("windows of different specs: " + spec + " vs " + w.spec);
            }
            n += w.batch;
        }
        int per = spec.windowSteps() * spec.channelCount();
        int w0 = spec.windowSteps();
        float[] d = new float[n * per];
        int[] p = new int[n];
        int[] dp = new int[n];
        String[] l = new String[n];
        long[] e = new long[n];
        boolean[] m = new boolean[n * w0];
        int[] f = new int[n];
        int[] nn = new int[n];
        int at = 0;
        for (FeatureWindow w : windows) {
            System.arraycopy(w.data, 0, d, at * per, w.batch * per);
            System.arraycopy(w.missing, 0, m, at * w0, w.batch * w0);
            System.arraycopy(w.ports, 0, p, at, w.batch);
            System.arraycopy(w.dstPorts, 0, dp, at, w.batch);
            System.arraycopy(w.labels, 0, l, at, w.batch);
            System.arraycopy(w.endSteps, 0, e, at, w.batch);
            System.arraycopy(w.filled, 0, f, at, w.batch);
            System.arraycopy(w.nan, 0, nn, at, w.batch);
            at += w.batch;
        }
        return new FeatureWindow(spec, n, d, p, dp, l, e, m, f, nn);
    }

    private int[] countNaNSteps(float[] values) {
        int[] out = new int[batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                int base = (b * steps + t) * channels;
                for (int c = 0; c < channels; c++) {
                    if (Float.isNaN(values[base + c])) {
                        out[b]++;
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** @return what the channels are */
    public FeatureSpec spec() {
        return spec;
    }

    /** @return the number of series B */
    public int batch() {
        return batch;
    }

    /** @return the window length W in steps */
    public int steps() {
        return steps;
    }

    /** @return the number of channels C per step */
    public int channels() {
        return channels;
    }

    /** @return the value of series {@code b}, step {@code t} (0 oldest), channel {@code c}; NaN if missing */
    public float get(int b, int t, int c) {
        checkSeries(b);
        if (t < 0 || t >= steps || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("step " + t + " of " + steps + ", channel " + c + " of " + channels);
        }
        return data[indexNWC(b, t, c)];
    }

    /** @return the position of (b, t, c) in the NWC array: {@code (b * W + t) * C + c} */
    public int indexNWC(int b, int t, int c) {
        return (b * steps + t) * channels + c;
    }

    /** @return the position of (b, c, t) in the NCW array: {@code (b * C + c) * W + t} */
    public int indexNCW(int b, int c, int t) {
        return (b * channels + c) * steps + t;
    }

    /** @return a copy of the values in NWC layout, B·W·C floats */
    public float[] toArrayNWC() {
        return data.clone();
    }

    /** Copies the values in NWC layout into {@code dst} from {@code offset} (no allocation). */
    public void copyNWC(float[] dst, int offset) {
        System.arraycopy(data, 0, dst, offset, data.length);
    }

    /** @return the values in NCW layout (DL4J recurrent input), B·C·W floats */
    public float[] toArrayNCW() {
        float[] out = new float[data.length];
        copyNCW(out, 0);
        return out;
    }

    /** Copies the values in NCW layout into {@code dst} from {@code offset} (no allocation). */
    public void copyNCW(float[] dst, int offset) {
        int i = 0;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < channels; c++) {
                    dst[offset + indexNCW(b, c, t)] = data[i++];
                }
            }
        }
    }

    /** @return one channel of one series over the window, oldest first (a copy of W floats) */
    public float[] channelSeries(int b, int c) {
        float[] out = new float[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = get(b, t, c);
        }
        return out;
    }

    /** @return the series' port index; for a link its source port; -1 for a series not read from a store */
    public int port(int b) {
        checkSeries(b);
        return ports[b];
    }

    /** @return the destination port index of a link series, -1 for a port or file series */
    public int dstPort(int b) {
        checkSeries(b);
        return dstPorts[b];
    }

    /** @return true if series {@code b} describes a link (source and destination port) */
    public boolean isLink(int b) {
        return dstPort(b) >= 0;
    }

    /** @return the series' label: {@code port:<i>}, {@code link:<src>-><dst>} or the name given to a file series */
    public String label(int b) {
        checkSeries(b);
        return labels[b];
    }

    /** @return the series' end step, exclusive: the window covers fine steps {@code [endStep - W, endStep)} */
    public long endStep(int b) {
        checkSeries(b);
        return endSteps[b];
    }

    /** @return true if a traffic feature of series {@code b} was unobserved at step {@code t}, before any filling */
    public boolean isMissing(int b, int t) {
        checkSeries(b);
        if (t < 0 || t >= steps) {
            throw new IndexOutOfBoundsException("step " + t + " of " + steps);
        }
        return missing[b * steps + t];
    }

    /** @return how many steps of series {@code b} had an unobserved traffic feature, before any filling */
    public int missingSteps(int b) {
        checkSeries(b);
        int n = 0;
        for (int t = 0; t < steps; t++) {
            if (missing[b * steps + t]) {
                n++;
            }
        }
        return n;
    }

    /** @return how many steps of series {@code b} had a value forward-filled (0 unless {@code FORWARD_FILL}) */
    public int filledSteps(int b) {
        checkSeries(b);
        return filled[b];
    }

    /** @return how many steps of series {@code b} still hold a NaN in some channel (lag channels included) */
    public int nanSteps(int b) {
        checkSeries(b);
        return nan[b];
    }

    /** @return true if no value of the batch is NaN */
    public boolean isComplete() {
        for (int b = 0; b < batch; b++) {
            if (nan[b] > 0) {
                return false;
            }
        }
        return true;
    }

    float[] data() {
        return data;
    }

    private void checkSeries(int b) {
        if (b < 0 || b >= batch) {
            throw new IndexOutOfBoundsException("series " + b + " of " + batch);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FeatureWindow)) {
            return false;
        }
        FeatureWindow w = (FeatureWindow) o;
        return spec.equals(w.spec) && batch == w.batch && Arrays.equals(data, w.data) && Arrays.equals(ports, w.ports)
                && Arrays.equals(dstPorts, w.dstPorts) && Arrays.equals(labels, w.labels)
                && Arrays.equals(endSteps, w.endSteps) && Arrays.equals(missing, w.missing)
                && Arrays.equals(filled, w.filled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, batch, Arrays.hashCode(data), Arrays.hashCode(endSteps));
    }

    @Override
    public String toString() {
        return "FeatureWindow[" + batch + " x " + steps + " x " + channels + ", " + spec.toText() + "]";
    }
}
