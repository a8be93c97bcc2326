package org.ebbflow.planner.demand;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed {@code random:} demand spec. Immutable; {@link #toString()} prints the canonical text, which
 * {@link #parse(String)} reads back to an equal spec.
 *
 * <pre>
 * random:pairs=N,load=L[,seed=S][,locality=near|mid|far|mixed][,ls=F][,guaranteed=F][,spread=F]
 * </pre>
 * <ul>
 *   <li>{@code pairs}: number of demands, 1..{@value #MAX_PAIRS} (required);</li>
 *   <li>{@code load}: each demand's mean rate as a fraction of its source's access-link capacity (on host-less
 *   topologies, of the source node's smallest link), finite, ≥ 0 (required);</li>
 *   <li>{@code seed}: the generator seed (default {@value #DEFAULT_SEED});</li>
 *   <li>{@code locality}: see {@link Locality} (default {@code mixed});</li>
 *   <li>{@code ls}, {@code guaranteed}: shares of latency-sensitive and guaranteed demands, the rest bulk
 *   (default 0 each, sum ≤ 1);</li>
 *   <li>{@code spread}: upper bound = mean × (1 + spread), ≥ 0 (default 0: upper bound equals the mean).</li>
 * </ul>
 */
public final class RandomDemandSpec {
    /** Spec prefix. */
    public static final String PREFIX = "random:";
    /** The largest number of pairs. */
    public static final int MAX_PAIRS = 100_000_000;
    /** Seed used when the spec names none. */
    public static final long DEFAULT_SEED = 1;

    private final int pairs;
    private final long seed;
    private final double load;
    private final Locality locality;
    private final double latencySensitiveShare;
    private final double guaranteedShare;
    private final double spread;

    private RandomDemandSpec(int pairs, long seed, double load, Locality locality, double ls, double gb,
                             double spread) {
        if (pairs < 1 || pairs > MAX_PAIRS) {
            throw new IllegalArgumentException("pairs must be from 1 to " + MAX_PAIRS + ": " + pairs);
        }
        if (!(load >= 0) || load == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("load must be finite and not negative: " + load);
        }
        if (!(ls >= 0 && gb >= 0 && ls + gb <= 1)) {
            throw new IllegalArgumentException("class shares ls=" + ls + " and guaranteed=" + gb
                    + " must be non-negative with a sum of at most 1");
        }
        if (!(spread >= 0) || spread == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("spread must be finite and not negative: " + spread);
        }
        this.pairs = pairs;
        this.seed = seed;
        this.load = load;
        this.locality = Objects.requireNonNull(locality, "locality");
        this.latencySensitiveShare = ls;
        this.guaranteedShare = gb;
        this.spread = spread;
    }

    /** @return a bulk-only spec with upper bound equal to the mean */
    public static RandomDemandSpec of(int pairs, long seed, double load, Locality locality) {
        return new RandomDemandSpec(pairs, seed, load, locality, 0, 0, 0);
    }

    /** @return this spec with other class shares */
    public RandomDemandSpec withClassShares(double latencySensitive, double guaranteed) {
        return new RandomDemandSpec(pairs, seed, load, locality, latencySensitive, guaranteed, spread);
    }

    /** @return this spec with another spread */
    public RandomDemandSpec withSpread(double newSpread) {
        return new RandomDemandSpec(pairs, seed, load, locality, latencySensitiveShare, guaranteedShare, newSpread);
    }

    /**
     * @param text a spec such as {@code random:pairs=1000,seed=7,load=0.1,locality=far}
     * @return the spec
     * @throws IllegalArgumentException naming the faulty parameter
     */
    public static RandomDemandSpec parse(String text) {
        if (text == null || !text.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new IllegalArgumentException("random demand spec must start with '" + PREFIX + "': " + text);
        }
        Map<String, String> params = new LinkedHashMap<>();
        String body = text.trim().substring(PREFIX.length());
        for (String part : body.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value in random demand spec, got '" + part.trim()
                        + "'");
            }
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (params.put(name, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' given twice");
            }
        }
        for (String name : params.keySet()) {
            switch (name) {
                case "pairs": case "seed": case "load": case "locality": case "ls": case "guaranteed": case "spread":
                    break;
                default:
                    throw new IllegalArgumentException("unknown parameter '" + name + "' in random demand spec "
                            + "(valid: pairs, seed, load, locality, ls, guaranteed, spread)");
            }
        }
        int pairs = (int) Math.min(Integer.MAX_VALUE, parseLong(params, "pairs", null));
        long seed = parseLong(params, "seed", DEFAULT_SEED);
        double load = parseDouble(params, "load", null);
        Locality locality = params.containsKey("locality") ? Locality.parse(params.get("locality")) : Locality.MIXED;
        return new RandomDemandSpec(pairs, seed, load, locality, parseDouble(params, "ls", 0.0),
                parseDouble(params, "guaranteed", 0.0), parseDouble(params, "spread", 0.0));
    }

    private static long parseLong(Map<String, String> params, String name, Long dflt) {
        String v = params.get(name);
        if (v == null) {
            if (dflt == null) {
                throw new IllegalArgumentException("random demand spec needs " + name + "=...");
            }
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer: '" + v + "'", e);
        }
    }

    private static double parseDouble(Map<String, String> params, String name, Double dflt) {
        String v = params.get(name);
        if (v == null) {
            if (dflt == null) {
                throw new IllegalArgumentException("random demand spec needs " + name + "=...");
            }
            return dflt;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: '" + v + "'", e);
        }
    }

    /** @return the number of demands */
    public int pairs() {
        return pairs;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return mean rate as a fraction of the source's access-link capacity */
    public double load() {
        return load;
    }

    /** @return the locality */
    public Locality locality() {
        return locality;
    }

    /** @return the share of latency-sensitive demands */
    public double latencySensitiveShare() {
        return latencySensitiveShare;
    }

    /** @return the share of guaranteed demands */
    public double guaranteedShare() {
        return guaranteedShare;
    }

    /** @return upper bound = mean × (1 + spread) */
    public double spread() {
        return spread;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomDemandSpec && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return PREFIX + "pairs=" + pairs + ",seed=" + seed + ",load=" + load + ",locality=" + locality.token()
                + ",ls=" + latencySensitiveShare + ",guaranteed=" + guaranteedShare + ",spread=" + spread;
    }
}
