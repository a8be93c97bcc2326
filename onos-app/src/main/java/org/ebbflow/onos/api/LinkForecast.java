package org.ebbflow.onos.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** One directed link's forecast from the last cycle, in bits per second. Immutable. */
public final class LinkForecast {
    private final String link;
    private final long capacityBps;
    private final double measuredBps;
    private final double nextMeanBps;
    private final double maxUpperBps;

    /**
     * @param link the link, {@code src-dst} in ONOS connect-point notation
     * @param capacityBps its capacity
     * @param measuredBps the rate over the last complete step (NaN if unknown)
     * @param nextMeanBps the forecast mean of the next step (NaN if the predictor had no data)
     * @param maxUpperBps the largest upper bound over the horizon (NaN if none)
     */
    public LinkForecast(String link, long capacityBps, double measuredBps, double nextMeanBps, double maxUpperBps) {
        this.link = link;
        this.capacityBps = capacityBps;
        this.measuredBps = measuredBps;
        this.nextMeanBps = nextMeanBps;
        this.maxUpperBps = maxUpperBps;
    }

    /** @return the link */
    public String link() {
        return link;
    }

    /** @return the capacity, bits per second */
    public long capacityBps() {
        return capacityBps;
    }

    /** @return the last measured rate, bits per second, NaN if unknown */
    public double measuredBps() {
        return measuredBps;
    }

    /** @return the next step's forecast mean, bits per second, NaN if none */
    public double nextMeanBps() {
        return nextMeanBps;
    }

    /** @return the largest upper bound over the horizon, bits per second, NaN if none */
    public double maxUpperBps() {
        return maxUpperBps;
    }

    /** @return the largest upper bound as a fraction of capacity, NaN if unknown */
    public double upperUtilisation() {
        return capacityBps > 0 ? maxUpperBps / capacityBps : Double.NaN;
    }

    /** @return the JSON-able form; NaN becomes null */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("link", link);
        m.put("capacityBps", capacityBps);
        m.put("measuredBps", finite(measuredBps));
        m.put("nextMeanBps", finite(nextMeanBps));
        m.put("maxUpperBps", finite(maxUpperBps));
        m.put("upperUtilisation", finite(upperUtilisation()));
        return m;
    }

    static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    @Override
    public String toString() {
        return link + " mean " + nextMeanBps + " upper " + maxUpperBps + " of " + capacityBps + " bps";
    }
}
