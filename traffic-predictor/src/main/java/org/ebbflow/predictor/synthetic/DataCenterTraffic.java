package org.ebbflow.predictor.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.ebbflow.predictor.TimeSeries;

/**
 * Seeded generator of data-center port traffic for training and tests, from published facts
 * ({@code ../shared/data/README.md}): a diurnal envelope with about a 2x day/night swing (peak/trough drawn from
 * 1.6 to 2.4), ON/OFF sources with lognormal period lengths (Benson et al., IMC 2010), measurement noise, occasional
 * surges (1.5x to 3x for 3 to 60 steps), and a per-series scale from 100 kbit/s to 10 Gbit/s. Each series mixes a
 * smooth aggregate (AR(1) relative noise of 0.3 % to 30 %, like a core or aggregation link carrying many flows) with
 * a bursty part from 1 to 30 ON/OFF sources (like an edge or host port), in a random proportion, so the set spans the
 * regimes from near-deterministic to bursty. Steps are 5 s (ONOS's polling), 60 s or 5 min, so a model trained on it
 * learns shapes, not one polling interval. Same settings, same series.
 */
public final class DataCenterTraffic {
    /** Steps the generator draws from, in milliseconds. */
    static final long[] STEPS_MILLIS = {5_000, 60_000, 300_000};
    /** The unit of the series. */
    public static final String UNIT = "bps";
    private static final double DAY_SECONDS = 86_400;

    private final int series;
    private final int length;
    private final long seed;
    private final List<String> taskClasses;

    private DataCenterTraffic(int series, int length, long seed, List<String> taskClasses) {
        if (series < 1 || length < 2) {
            throw new IllegalArgumentException("need at least one series of two steps: " + series + " x " + length);
        }
        this.series = series;
        this.length = length;
        this.seed = seed;
        this.taskClasses = Collections.unmodifiableList(new ArrayList<>(taskClasses));
    }

    /**
     * @param series how many series
     * @param length steps per series
     * @param seed the seed
     * @param taskClasses if not empty, series i gets class {@code taskClasses[i % size]} and its traffic mix depends
     *                    on it (the first class is the smoothest, the last the burstiest); empty: no classes
     */
    public static DataCenterTraffic of(int series, int length, long seed, List<String> taskClasses) {
        return new DataCenterTraffic(series, length, seed, taskClasses);
    }

    /** @return the spec text that {@link SyntheticSpec#parse} reads back */
    public String spec() {
        return "synthetic:series=" + series + ",length=" + length + ",seed=" + seed
                + (taskClasses.isEmpty() ? "" : ",classes=" + String.join("+", taskClasses));
    }

    /** @return the series, in bit/s, starting at time 0 */
    public List<TimeSeries> generate() {
        SplittableRandom root = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>(series);
        String source = spec();
        for (int i = 0; i < series; i++) {
            SplittableRandom r = root.split();
            String cls = taskClasses.isEmpty() ? null : taskClasses.get(i % taskClasses.size());
            double classBias = cls == null ? -1 : taskClasses.indexOf(cls) / (double) Math.max(1,
                    taskClasses.size() - 1);
            long step = STEPS_MILLIS[r.nextInt(STEPS_MILLIS.length)];
            out.add(TimeSeries.of(String.format("port-%04d", i), source, 0, step, one(r, step / 1000.0, classBias),
                    cls, UNIT));
        }
        return out;
    }

    private double[] one(SplittableRandom r, double stepSeconds, double classBias) {
        double phase = r.nextDouble() * DAY_SECONDS;
        double swing = uniform(r, 1.6, 2.4);
        double amplitude = (swing - 1) / (swing + 1);
        double sigma = Math.exp(uniform(r, Math.log(0.003), Math.log(0.3)));
        double rho = uniform(r, 0, 0.95);
        double phi;
        if (classBias >= 0) {
            phi = Math.min(1, Math.max(0, classBias * 0.8 + uniform(r, -0.1, 0.2)));
        } else {
            phi = r.nextDouble() < 0.7 ? Math.pow(r.nextDouble(), 2) : 0;
        }
        int sources = (int) Math.exp(uniform(r, 0, Math.log(30)));
        double[] smooth = new double[length];
        double e = 0;
        for (int t = 0; t < length; t++) {
            e = rho * e + Math.sqrt(1 - rho * rho) * gaussian(r);
            smooth[t] = Math.max(0, 1 + sigma * e);
        }
        double[] burst = new double[length];
        double total = length * stepSeconds;
        for (int s = 0; s < sources; s++) {
            double rate = Math.exp(0.5 * gaussian(r));
            double meanLog = Math.log(uniform(r, 10, 600));
            double pos = 0;
            boolean on = r.nextDouble() < 0.5;
            while (pos < total) {
                double d = Math.exp(meanLog + gaussian(r));
                if (on) {
                    int a = (int) (pos / stepSeconds);
                    int b = (int) Math.min(length - 1, Math.min(pos + d, total) / stepSeconds);
                    for (int t = a; t <= b; t++) {
                        burst[t] += rate;
                    }
                }
                pos += d;
                on = !on;
            }
        }
        double mean = 0;
        for (double v : burst) {
            mean += v;
        }
        mean = Math.max(mean / length, 1e-9);
        double scale = Math.exp(uniform(r, Math.log(1e5), Math.log(1e10)));
        double[] x = new double[length];
        for (int t = 0; t < length; t++) {
            double env = 1 + amplitude * Math.sin(2 * Math.PI * (t * stepSeconds + phase) / DAY_SECONDS);
            x[t] = env * ((1 - phi) * smooth[t] + phi * burst[t] / mean);
        }
        int surges = poisson(r, length / 3000.0);
        for (int k = 0; k < surges; k++) {
            int a = r.nextInt(length);
            int d = 3 + r.nextInt(58);
            double f = uniform(r, 1.5, 3);
            for (int t = a; t < Math.min(length, a + d); t++) {
                x[t] *= f;
            }
        }
        for (int t = 0; t < length; t++) {
            x[t] *= scale;
        }
        return x;
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Box-Muller with StrictMath, so the series are the same on every platform. */
    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    private static int poisson(SplittableRandom r, double lambda) {
        double l = StrictMath.exp(-lambda);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }
}
