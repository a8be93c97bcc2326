package org.ebbflow.sim.report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.ebbflow.sim.ForecastTrace;
import org.ebbflow.sim.PolicyResult;
import org.ebbflow.sim.SimResult;
import org.ebbflow.sim.metrics.StepSeries;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run's figures as PNG images (XChart, headless): power over time per policy, switches asleep, utilisation,
 * delivered against offered traffic and, when a policy reported forecasts, forecast against actual. Long series are
 * averaged down to at most {@value #MAX_POINTS} points per line.
 */
public final class Plots {
    /** Most points per line. */
    public static final int MAX_POINTS = 1500;
    private static final int WIDTH = 960;
    private static final int HEIGHT = 420;

    private Plots() {
    }

    /** @return PNG bytes by file name ({@code power.png}, ...), in report order */
    public static Map<String, byte[]> render(SimResult r) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("power.png", png(perPolicy(r, "Network power", "power (W)", s -> s::watts)));
        out.put("asleep.png", png(perPolicy(r, "Switches asleep", "switches", s -> s::switchesAsleep)));
        out.put("utilisation.png", png(perPolicy(r, "Largest switch-link utilisation (offered / capacity)",
                "utilisation", s -> s::maxUtilisation)));
        out.put("traffic.png", png(traffic(r)));
        for (PolicyResult p : r.policies()) {
            if (p.forecast() != null && p.forecast().size() > 0) {
                out.put("forecast-" + p.name() + ".png", png(forecast(r, p)));
            }
        }
        return out;
    }

    private static byte[] png(XYChart chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("simulated hours")
                .yAxisTitle(yTitle).build();
        c.getStyler().setMarkerSize(0);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return c;
    }

    private static XYChart perPolicy(SimResult r, String title, String yTitle,
                                     java.util.function.Function<StepSeries, IntToDoubleFunction> value) {
        XYChart c = chart(title, yTitle);
        for (PolicyResult p : r.policies()) {
            StepSeries s = p.series();
            double[][] xy = downsample(s.size(), i -> hours(r, s.timeMillis(i)), value.apply(s));
            line(c, p.name(), xy);
        }
        return c;
    }

    private static XYChart traffic(SimResult r) {
        XYChart c = chart("Offered and delivered traffic", "Gbit/s");
        PolicyResult first = r.policies().get(0);
        StepSeries f = first.series();
        line(c, "offered", downsample(f.size(), i -> hours(r, f.timeMillis(i)), i -> f.offeredBps(i) / 1e9));
        for (PolicyResult p : r.policies()) {
            StepSeries s = p.series();
            line(c, "delivered: " + p.name(), downsample(s.size(), i -> hours(r, s.timeMillis(i)),
                    i -> s.deliveredBps(i) / 1e9));
        }
        return c;
    }

    private static XYChart forecast(SimResult r, PolicyResult p) {
        ForecastTrace t = p.forecast();
        XYChart c = chart("Forecast against actual, " + p.name() + ", link " + t.link(), "Mbit/s");
        line(c, "actual", downsample(t.size(), i -> hours(r, t.timeMillis(i)), i -> t.actualBps(i) / 1e6));
        line(c, "forecast mean", downsample(t.size(), i -> hours(r, t.timeMillis(i)), i -> t.meanBps(i) / 1e6));
        line(c, "forecast upper", downsample(t.size(), i -> hours(r, t.timeMillis(i)), i -> t.upperBps(i) / 1e6));
        return c;
    }

    private static void line(XYChart c, String name, double[][] xy) {
        if (xy[0].length == 0) {
            return;
        }
        XYSeries s = c.addSeries(name, xy[0], xy[1]);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static double hours(SimResult r, long t) {
        return (t - r.startMillis()) / 3_600_000.0;
    }

    /** @return {x[], y[]} with at most {@link #MAX_POINTS} points, each the mean of a run of consecutive steps */
    static double[][] downsample(int n, IntToDoubleFunction x, IntToDoubleFunction y) {
        int buckets = Math.min(n, MAX_POINTS);
        double[] xs = new double[buckets];
        double[] ys = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            double sx = 0;
            double sy = 0;
            int k = 0;
            for (int i = from; i < to; i++) {
                double v = y.applyAsDouble(i);
                if (Double.isFinite(v)) {
                    sy += v;
                    k++;
                }
                sx += x.applyAsDouble(i);
            }
            xs[b] = sx / Math.max(1, to - from);
            ys[b] = k == 0 ? Double.NaN : sy / k;
        }
        return new double[][] {xs, ys};
    }
}
