package org.ebbflow.sim.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ebbflow.sim.metrics.StepSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small versions of each experiment: energy falls as load falls, and never below the fat-tree floor. */
class ExperimentTrendTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String PLANNED = "reactive,predictive,oracle";

    @TempDir
    Path out;

    @Test
    void floorMatchesTheAnchors() {
        assertEquals(0.646, Experiments.floorFraction(4), 0.001);
        assertEquals(0.503, Experiments.floorFraction(8), 0.001);
        assertEquals(0.434, Experiments.floorFraction(16), 0.001);
        assertEquals(0.369, Experiments.floorFraction(48), 0.001);
    }

    @Test
    void energyVsLoadFallsWithLoadForEveryLocality() throws IOException {
        for (String locality : new String[] {"near", "far"}) {
            List<Experiments.Outcome> o = Experiments.run("energy-vs-load",
                    Experiments.energyVsLoad(4, locality, new double[] {0.05, 0.6}, 0.5, 30_000, PLANNED), out, 3,
                    QUIET);
            for (String p : PLANNED.split(",")) {
                double low = o.get(0).summary(p).energyFraction();
                double high = o.get(1).summary(p).energyFraction();
                assertTrue(low >= Experiments.floorFraction(4) - 1e-9, p + " below the floor: " + low);
                if (locality.equals("near")) {
                    // Rack-local traffic never leaves its edge switch: the fabric sits at its floor at any load.
                    assertTrue(low <= high + 1e-9 && high < Experiments.floorFraction(4) + 0.02,
                            p + ": " + low + ", " + high);
                } else {
                    assertTrue(low < high, locality + " " + p + ": " + low + " at load 0.05, " + high + " at 0.6");
                }
            }
        }
        assertTrue(Files.list(out).findFirst().map(d -> Files.exists(d.resolve("summary.csv"))
                && Files.exists(d.resolve("energy.png"))).orElse(false));
    }

    @Test
    void aDiurnalDayUsesLessPowerInItsTroughThanAtItsPeak() throws IOException {
        List<Experiments.Outcome> o = Experiments.run("diurnal-surge", List.of(new Experiments.Case("diurnal-k4", 4,
                "synthetic:load=0.3,locality=mixed,diurnal=true,surges=0", "mixed", 0.3, 24, 60_000, PLANNED)),
                out, 5, QUIET);
        for (String p : PLANNED.split(",")) {
            StepSeries s = o.get(0).result().policy(p).series();
            // Trough at 04:00 UTC, peak at 16:00 (2x envelope): mean power 02:00-06:00 against 14:00-18:00.
            double trough = meanWatts(s, 120, 360);
            double peak = meanWatts(s, 840, 1080);
            assertTrue(trough < peak, p + ": trough " + trough + " W, peak " + peak + " W");
        }
    }

    @Test
    void atEveryScaleEnergyFallsWithLoad() throws IOException {
        for (int k : new int[] {4, 6}) {
            List<Experiments.Outcome> o = Experiments.run("scale",
                    Experiments.energyVsLoad(k, "mixed", new double[] {0.05, 0.6}, 0.25, 30_000, "predictive"), out,
                    7, QUIET);
            double low = o.get(0).summary("predictive").energyFraction();
            double high = o.get(1).summary("predictive").energyFraction();
            assertTrue(low < high, "k=" + k + ": " + low + " vs " + high);
        }
    }

    private static double meanWatts(StepSeries s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s.watts(i);
        }
        return sum / (to - from);
    }
}
