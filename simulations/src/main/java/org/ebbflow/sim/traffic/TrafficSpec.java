package org.ebbflow.sim.traffic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ebbflow.predictor.data.DataKind;
import org.ebbflow.predictor.data.DataSpec;
import org.ebbflow.predictor.data.DataSpecException;

/**
 * What traffic a simulation carries, as one line of text. Immutable.
 *
 * <pre>
 * synthetic:[NAME=VALUE[,NAME=VALUE]...]   generated container traffic ({@link SyntheticTraffic})
 * abilene:PATH[,step=D][,scale=X]          the Abilene OD matrices, replayed on the sndlib: Abilene topology
 * fbpod:PATH[,step=D][,scale=X]            Facebook pod matrices, replayed on a full mesh of the pods
 * </pre>
 *
 * <p>Synthetic parameters (all optional; names case-insensitive): {@code load} (0..1, default 0.3),
 * {@code locality} (near, mid, far, mixed), {@code diurnal} (true, false), {@code ratio} (peak/trough, 2),
 * {@code surges} (count, 0), {@code surgeFactor} (4), {@code surgeMinutes} (15), {@code surgeHosts} (share, 0.1),
 * {@code mix} (hadoop, websearch), {@code peers} (4), {@code peerSeconds} (60), {@code onoff} (true, false),
 * {@code onSeconds} (120), {@code offSeconds} (60), {@code sigma} (1), {@code ls} (latency-sensitive share, 0.3),
 * {@code gb} (guaranteed share, 0.1).
 *
 * <p>Replays read their file with {@link DataSpec} (the same grammar and options as {@code ebbflow evaluate}). An
 * fbpod replay without {@code step=} plays one matrix per simulation step, and without {@code scale=} takes one
 * demand unit as 1 Mbit/s; its mesh links get the capacity of the data set's FIGRET {@code .json} topology (10,000
 * units, 10 Gbit/s, for pod a; 100,000 for pod b), 10,000 units when there is none.
 */
public final class TrafficSpec {
    /** The kinds of traffic. */
    public enum Kind {
        /** Generated from published data-center facts. */
        SYNTHETIC("synthetic"),
        /** The Abilene OD-matrix CSV. */
        ABILENE("abilene"),
        /** The Facebook pod matrices. */
        FBPOD("fbpod");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        /** @return the spec prefix */
        public String token() {
            return token;
        }
    }

    /** One unit of the fbpod data set in bit/s when the spec gives no scale. */
    public static final double DEFAULT_FBPOD_UNIT_BPS = 1e6;

    private static final String GRAMMAR = "expected synthetic:load=L,locality=near|mid|far|mixed,diurnal=true|false,"
            + "surges=N[,mix=hadoop|websearch], abilene:PATH or fbpod:PATH";

    private final Kind kind;
    private final SyntheticConfig synthetic;
    private final DataSpec data;
    private final String text;

    private TrafficSpec(Kind kind, SyntheticConfig synthetic, DataSpec data, String text) {
        this.kind = kind;
        this.synthetic = synthetic;
        this.data = data;
        this.text = text;
    }

    /**
     * @param text the spec
     * @return the parsed spec; for replays the file is checked to exist
     * @throws TrafficSpecException with a one-line message if the spec is invalid
     */
    public static TrafficSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TrafficSpecException("empty traffic spec (" + GRAMMAR + ")");
        }
        String s = text.trim();
        int colon = s.indexOf(':');
        String token = (colon < 0 ? s : s.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String body = colon < 0 ? "" : s.substring(colon + 1);
        if (token.equals(Kind.SYNTHETIC.token)) {
            SyntheticConfig c = parseSynthetic(body, s);
            return new TrafficSpec(Kind.SYNTHETIC, c, null, c.toSpec());
        }
        for (Kind k : new Kind[] {Kind.ABILENE, Kind.FBPOD}) {
            if (token.equals(k.token)) {
                if (body.isBlank()) {
                    throw new TrafficSpecException(k.token + " traffic needs a path, e.g. " + k.token + ":"
                            + (k == Kind.ABILENE ? "abilene-2004-03-5min.csv" : "Facebook_pod_a/train"));
                }
                try {
                    DataSpec d = DataSpec.parse(k.token + ":" + body);
                    if (d.kind() != (k == Kind.ABILENE ? DataKind.ABILENE : DataKind.FBPOD)) {
                        throw new AssertionError(d.kind());
                    }
                    return new TrafficSpec(k, null, d, d.toString());
                } catch (DataSpecException e) {
                    throw new TrafficSpecException("bad traffic spec '" + s + "': " + e.getMessage(), e);
                }
            }
        }
        throw new TrafficSpecException("unknown traffic kind '" + token + "' in '" + s + "' (" + GRAMMAR + ")");
    }

    private static SyntheticConfig parseSynthetic(String body, String spec) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new TrafficSpecException("synthetic parameter '" + part.trim() + "' in '" + spec
                        + "' is not NAME=VALUE");
            }
            String name = canonicalName(part.substring(0, eq).trim(), spec);
            if (given.put(name, part.substring(eq + 1).trim()) != null) {
                throw new TrafficSpecException("synthetic parameter '" + name + "' given twice in '" + spec + "'");
            }
        }
        SyntheticConfig d = SyntheticConfig.DEFAULTS;
        try {
            return new SyntheticConfig(
                    dbl(given, "load", d.load()),
                    given.containsKey("locality") ? Locality.parse(given.get("locality")) : d.locality(),
                    bool(given, "diurnal", d.diurnal()),
                    dbl(given, "ratio", d.diurnalRatio()),
                    (int) lng(given, "surges", d.surges()),
                    dbl(given, "surgeFactor", d.surgeFactor()),
                    Math.round(dbl(given, "surgeMinutes", d.surgeMillis() / 60_000.0) * 60_000),
                    dbl(given, "surgeHosts", d.surgeHostFraction()),
                    given.containsKey("mix") ? FlowSizeDistribution.named(given.get("mix")) : d.mix(),
                    (int) lng(given, "peers", d.peersPerHost()),
                    Math.round(dbl(given, "peerSeconds", d.peerLifetimeMillis() / 1000.0) * 1000),
                    bool(given, "onoff", d.onOff()),
                    Math.round(dbl(given, "onSeconds", d.onMeanMillis() / 1000.0) * 1000),
                    Math.round(dbl(given, "offSeconds", d.offMeanMillis() / 1000.0) * 1000),
                    dbl(given, "sigma", d.onOffSigma()),
                    dbl(given, "ls", d.latencySensitiveShare()),
                    dbl(given, "gb", d.guaranteedShare()));
        } catch (TrafficSpecException e) {
            throw new TrafficSpecException("bad traffic spec '" + spec + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TrafficSpecException("bad traffic spec '" + spec + "': " + e.getMessage(), e);
        }
    }

    private static String canonicalName(String name, String spec) {
        for (String n : SyntheticConfig.DEFAULTS.toMap().keySet()) {
            if (n.equalsIgnoreCase(name)) {
                return n;
            }
        }
        List<String> names = new ArrayList<>(SyntheticConfig.DEFAULTS.toMap().keySet());
        throw new TrafficSpecException("unknown synthetic parameter '" + name + "' in '" + spec + "' (known: "
                + String.join(", ", names) + ")");
    }

    private static double dbl(Map<String, String> given, String name, double fallback) {
        String v = given.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double x = Double.parseDouble(v);
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new TrafficSpecException(name + " must be a number: '" + v + "'");
        }
    }

    private static long lng(Map<String, String> given, String name, long fallback) {
        String v = given.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new TrafficSpecException(name + " must be a whole number: '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> given, String name, boolean fallback) {
        String v = given.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new TrafficSpecException(name + " must be true or false: '" + v + "'");
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the synthetic parameters; null for replays */
    public SyntheticConfig synthetic() {
        return synthetic;
    }

    /** @return the replay's data spec; null for synthetic traffic */
    public DataSpec data() {
        return data;
    }

    /** @return the canonical text (every synthetic parameter spelled out) */
    @Override
    public String toString() {
        return text;
    }
}
