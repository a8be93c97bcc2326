package org.ebbflow.planner.policy;

import java.util.Arrays;
import org.ebbflow.predictor.Forecast;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Which forecast series describes which directed link: the explicit bridge between the predictor's batch order and
 * a snapshot's link numbering. A link may have several series (the transmit counter of its source port and the
 * receive counter of its destination port); its load is then the largest of them. Links without a series are
 * unknown. Immutable.
 */
public final class LinkSeriesMapping {
    private final TopologySnapshot topology;
    private final int[] linkOfSeries;

    private LinkSeriesMapping(TopologySnapshot topology, int[] linkOfSeries) {
        this.topology = topology;
        this.linkOfSeries = linkOfSeries;
    }

    /** @return series {@code b} describes link {@code b}, for every link of the snapshot */
    public static LinkSeriesMapping identity(TopologySnapshot topology) {
        int[] m = new int[topology.linkCount()];
        for (int i = 0; i < m.length; i++) {
            m[i] = i;
        }
        return new LinkSeriesMapping(topology, m);
    }

    /** @return a builder for {@code seriesCount} series, none mapped yet */
    public static Builder builder(TopologySnapshot topology, int seriesCount) {
        return new Builder(topology, seriesCount);
    }

    /** @return the snapshot */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the number of series */
    public int seriesCount() {
        return linkOfSeries.length;
    }

    /** @return the link series {@code b} describes, or −1 if none */
    public int linkOf(int b) {
        return linkOfSeries[b];
    }

    /**
     * The largest upper bound per link over the first {@code steps} steps ahead. O(series × steps).
     *
     * @param forecast a forecast with one series per mapped series
     * @param steps how many steps ahead to cover, 1..horizon
     * @return per-link rates; NaN for links without a series or with only NaN bounds
     * @throws IllegalArgumentException if the batch size differs or {@code steps} exceeds the horizon
     */
    public LinkLoads upperBounds(Forecast forecast, int steps) {
        return LinkLoads.of(topology, scan(forecast, steps)[0]);
    }

    /**
     * The forecast mean that goes with each link's {@link #upperBounds largest upper bound} (same series, same step),
     * so that {@code upper − mean} is the margin the bound adds for that link. O(series × steps).
     *
     * @param forecast a forecast with one series per mapped series
     * @param steps how many steps ahead to cover, 1..horizon
     * @return per-link mean rates, at most the upper bound; NaN where {@link #upperBounds} is NaN
     * @throws IllegalArgumentException as {@link #upperBounds}
     */
    public LinkLoads meansAtUpperBounds(Forecast forecast, int steps) {
        return LinkLoads.of(topology, scan(forecast, steps)[1]);
    }

    /** @return per link, the largest upper bound (clamped at 0) and the mean of the same series and step */
    private double[][] scan(Forecast forecast, int steps) {
        if (forecast.batch() != linkOfSeries.length) {
            throw new IllegalArgumentException("forecast has " + forecast.batch() + " series, the mapping "
                    + linkOfSeries.length);
        }
        if (steps < 1 || steps > forecast.horizon()) {
            throw new IllegalArgumentException("steps must be 1.." + forecast.horizon() + ": " + steps);
        }
        double[] bps = new double[topology.linkCount()];
        double[] mean = new double[topology.linkCount()];
        Arrays.fill(bps, Double.NaN);
        Arrays.fill(mean, Double.NaN);
        for (int b = 0; b < linkOfSeries.length; b++) {
            int l = linkOfSeries[b];
            if (l < 0) {
                continue;
            }
            for (int h = 0; h < steps; h++) {
                float v = forecast.upper(b, h);
                if (!Float.isNaN(v) && (Double.isNaN(bps[l]) || v > bps[l])) {
                    bps[l] = Math.max(0, v);
                    float m = forecast.mean(b, h);
                    mean[l] = Float.isNaN(m) ? bps[l] : Math.max(0, Math.min(m, bps[l]));
                }
            }
        }
        return new double[][] {bps, mean};
    }

    /** Maps series to links. */
    public static final class Builder {
        private final TopologySnapshot topology;
        private final int[] linkOfSeries;

        private Builder(TopologySnapshot topology, int seriesCount) {
            this.topology = topology;
            this.linkOfSeries = new int[seriesCount];
            Arrays.fill(linkOfSeries, -1);
        }

        /**
         * @param series a series index of the forecast batch
         * @param link the directed link it describes
         * @throws IllegalArgumentException if the link is not in the snapshot
         */
        public Builder map(int series, LinkKey link) {
            int l = topology.linkIndex(link);
            if (l < 0) {
                throw new IllegalArgumentException("series " + series + ": unknown link " + link);
            }
            linkOfSeries[series] = l;
            return this;
        }

        /** @return the mapping */
        public LinkSeriesMapping build() {
            return new LinkSeriesMapping(topology, linkOfSeries.clone());
        }
    }
}
