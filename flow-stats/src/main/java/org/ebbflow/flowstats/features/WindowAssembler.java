package org.ebbflow.flowstats.features;

import java.util.Arrays;

/**
 * Writes one series' window into a batch array from per-step rates, the same way for every source: traffic features
 * from the receive and transmit rates, lag channels from the lagged rates, time encodings from a shared table, then
 * the missing-value policy. Holds one step-sized scratch array: one assembler per extraction call, not shared.
 */
final class WindowAssembler {
    private final int steps;
    private final int channels;
    private final int featureCount;
    private final double stepSeconds;
    private final Feature[] channelFeature;
    private final int[] channelLagIndex;
    private final int[] timeColumn;
    private final MissingPolicy policy;
    private final boolean[] filledAt;

    WindowAssembler(FeatureSpec spec, MissingPolicy policy) {
        this.steps = spec.windowSteps();
        this.channels = spec.channelCount();
        this.featureCount = spec.features().size();
        this.stepSeconds = spec.stepMillis() / 1000.0;
        this.policy = policy;
        this.channelFeature = new Feature[channels];
        this.channelLagIndex = new int[channels];
        this.timeColumn = new int[channels];
        int traffic = spec.trafficFeatures().size();
        for (int c = 0; c < channels; c++) {
            channelFeature[c] = spec.channelFeature(c);
            channelLagIndex[c] = c < featureCount ? -1 : (c - featureCount) / traffic;
            timeColumn[c] = channelFeature[c].isTraffic() ? -1 : TimeEncoder.column(channelFeature[c]);
        }
        this.filledAt = new boolean[steps];
    }

    /**
     * @param b the series' position in the batch
     * @param rx receive rates of the window's W steps in bits per second, NaN if unobserved
     * @param tx transmit rates, likewise
     * @param lagRx per lag of the spec, the receive rates of the W steps shifted back by the lag
     * @param lagTx per lag, the transmit rates likewise
     * @param time the time table of the window's steps ({@link TimeEncoder#fill})
     */
    void write(int b, float[] rx, float[] tx, float[][] lagRx, float[][] lagTx, float[] time, float[] out,
               boolean[] missing, int[] filled, int[] nan) {
        int base = b * steps * channels;
        for (int t = 0; t < steps; t++) {
            boolean gap = false;
            int o = base + t * channels;
            for (int c = 0; c < channels; c++) {
                Feature f = channelFeature[c];
                float v;
                if (!f.isTraffic()) {
                    v = time[t * TimeEncoder.WIDTH + timeColumn[c]];
                } else {
                    int l = channelLagIndex[c];
                    float bps = l < 0 ? (f.isInbound() ? rx[t] : tx[t]) : (f.isInbound() ? lagRx[l][t] : lagTx[l][t]);
                    v = (float) f.fromRate(bps, stepSeconds);
                    gap |= l < 0 && Float.isNaN(bps);
                }
                out[o + c] = v;
            }
            missing[b * steps + t] = gap;
        }
        int filledSteps = 0;
        if (policy == MissingPolicy.FORWARD_FILL) {
            Arrays.fill(filledAt, false);
            for (int c = 0; c < channels; c++) {
                if (!channelFeature[c].isTraffic()) {
                    continue;
                }
                float last = Float.NaN;
                for (int t = 0; t < steps; t++) {
                    int i = base + t * channels + c;
                    if (!Float.isNaN(out[i])) {
                        last = out[i];
                    } else if (!Float.isNaN(last)) {
                        out[i] = last;
                        filledAt[t] = true;
                    }
                }
            }
            for (boolean f : filledAt) {
                if (f) {
                    filledSteps++;
                }
            }
        }
        filled[b] = filledSteps;
        int nanSteps = 0;
        for (int t = 0; t < steps; t++) {
            int o = base + t * channels;
            for (int c = 0; c < channels; c++) {
                if (Float.isNaN(out[o + c])) {
                    nanSteps++;
                    break;
                }
            }
        }
        nan[b] = nanSteps;
    }
}
