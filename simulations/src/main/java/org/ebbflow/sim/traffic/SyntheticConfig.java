package org.ebbflow.sim.traffic;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of {@link SyntheticTraffic}. Rates are relative to each host's access link; times in milliseconds.
 *
 * @param load mean offered load per host as a fraction of its access link, in (0, 1] (the diurnal envelope has mean 1)
 * @param locality where peers are
 * @param diurnal whether the day/night envelope applies
 * @param diurnalRatio its peak over trough, at least 1
 * @param surges number of flash crowds over the run
 * @param surgeFactor rate multiplier of a surge's hosts at its height
 * @param surgeMillis length of a surge
 * @param surgeHostFraction share of hosts a surge hits
 * @param mix flow sizes
 * @param peersPerHost concurrent peers of each host (Kandula et al., IMC 2009: a median server talks to about 6)
 * @param peerLifetimeMillis mean time a host keeps a peer (exponential)
 * @param onOff whether hosts alternate lognormal ON and OFF periods (Benson et al., IMC 2010)
 * @param onMeanMillis mean ON period
 * @param offMeanMillis mean OFF period
 * @param onOffSigma the periods' lognormal shape (σ of the log)
 * @param latencySensitiveShare share of containers labelled latency-sensitive
 * @param guaranteedShare share labelled guaranteed (the rest are bulk)
 */
public record SyntheticConfig(double load, Locality locality, boolean diurnal, double diurnalRatio, int surges,
                              double surgeFactor, long surgeMillis, double surgeHostFraction,
                              FlowSizeDistribution mix, int peersPerHost, long peerLifetimeMillis, boolean onOff,
                              long onMeanMillis, long offMeanMillis, double onOffSigma, double latencySensitiveShare,
                              double guaranteedShare) {

    /** The defaults: load 0.3, mixed locality, diurnal 2×, no surge, Hadoop sizes, 4 peers for 60 s, ON/OFF. */
    public static final SyntheticConfig DEFAULTS = new SyntheticConfig(0.3, Locality.MIXED, true,
            DiurnalEnvelope.DEFAULT_RATIO, 0, 4.0, 15 * 60_000L, 0.1, FlowSizeDistribution.hadoop(), 4, 60_000,
            true, 120_000, 60_000, 1.0, 0.3, 0.1);

    /** Checks every field. */
    public SyntheticConfig {
        check(load > 0 && load <= 1, "load must be in (0, 1]: " + load);
        check(locality != null && mix != null, "locality and mix must be given");
        check(diurnalRatio >= 1 && diurnalRatio < 100, "diurnal ratio must be in [1, 100): " + diurnalRatio);
        check(surges >= 0 && surges <= 1000, "surges must be 0..1000: " + surges);
        check(surgeFactor >= 1 && surgeFactor <= 100, "surge factor must be in [1, 100]: " + surgeFactor);
        check(surgeMillis > 0, "surge length must be positive");
        check(surgeHostFraction > 0 && surgeHostFraction <= 1, "surge host share must be in (0, 1]");
        check(peersPerHost >= 1 && peersPerHost <= 64, "peers must be 1..64: " + peersPerHost);
        check(peerLifetimeMillis > 0 && onMeanMillis > 0 && offMeanMillis > 0, "periods must be positive");
        check(onOffSigma >= 0 && onOffSigma <= 4, "ON/OFF sigma must be in [0, 4]");
        check(latencySensitiveShare >= 0 && guaranteedShare >= 0 && latencySensitiveShare + guaranteedShare <= 1,
                "class shares must be non-negative and sum to at most 1");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new TrafficSpecException(message);
        }
    }

    /** @return the share of time a host is ON (1 without ON/OFF) */
    public double duty() {
        return onOff ? onMeanMillis / (double) (onMeanMillis + offMeanMillis) : 1;
    }

    /** @return the diurnal envelope (flat if off) */
    public DiurnalEnvelope envelope() {
        return diurnal ? DiurnalEnvelope.of(diurnalRatio, DiurnalEnvelope.DEFAULT_TROUGH_HOUR) : DiurnalEnvelope.flat();
    }

    /** @return the parameters by spec name, for the effective configuration */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("load", load);
        m.put("locality", locality.token());
        m.put("diurnal", diurnal);
        m.put("ratio", diurnalRatio);
        m.put("surges", surges);
        m.put("surgeFactor", surgeFactor);
        m.put("surgeMinutes", surgeMillis / 60_000.0);
        m.put("surgeHosts", surgeHostFraction);
        m.put("mix", mix.name());
        m.put("peers", peersPerHost);
        m.put("peerSeconds", peerLifetimeMillis / 1000.0);
        m.put("onoff", onOff);
        m.put("onSeconds", onMeanMillis / 1000.0);
        m.put("offSeconds", offMeanMillis / 1000.0);
        m.put("sigma", onOffSigma);
        m.put("ls", latencySensitiveShare);
        m.put("gb", guaranteedShare);
        return m;
    }

    /** @return the spec text that parses back to this configuration */
    public String toSpec() {
        StringBuilder sb = new StringBuilder("synthetic:");
        boolean first = true;
        for (Map.Entry<String, Object> e : toMap().entrySet()) {
            sb.append(first ? "" : ",").append(e.getKey()).append('=');
            Object v = e.getValue();
            sb.append(v instanceof Double ? fmt((Double) v) : v);
            first = false;
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
