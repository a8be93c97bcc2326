package org.ebbflow.predictor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.ebbflow.predictor.TimeSeries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads every real series file of the shared data folder (system property {@code ebbflow.shared.data}, which
 * Surefire sets); skipped when the folder is absent, as in a fresh clone.
 */
class SharedDataTest {
    private static Path data;

    @BeforeAll
    static void folder() {
        String dir = System.getProperty("ebbflow.shared.data");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Paths.get(dir)),
            "shared data not found (ebbflow.shared.data=" + dir + "): skipped");
        data = Paths.get(dir);
    }

    private static List<TimeSeries> read(String spec, int series, long stepMillis, int minLength) {
        List<TimeSeries> s = DataSpec.parse(spec).read();
        assertEquals(series, s.size(), spec);
        for (TimeSeries t : s) {
            assertEquals(stepMillis, t.stepMillis(), t.toString());
            assertTrue(t.length() >= minLength, t + " shorter than " + minLength);
            int observed = 0;
            for (double v : t.values()) {
                assertTrue(Double.isNaN(v) || v >= 0, t + ": " + v);
                observed += Double.isNaN(v) ? 0 : 1;
            }
            assertTrue(observed > t.length() / 2, t + ": only " + observed + " observed steps");
        }
        return s;
    }

    @Test
    void abilene() {
        List<TimeSeries> s = read("abilene:" + data.resolve("abilene-tm/abilene-2004-03-5min.csv"), 132, 300_000,
            4032);
        assertEquals(4032, s.get(0).length());
    }

    @Test
    void facebookPods() {
        read("fbpod:" + data.resolve("facebook-dc-pods/Facebook_pod_a/train"), 12, 1_000, 7500);
        read("fbpod:" + data.resolve("facebook-dc-pods/Facebook_pod_b/train"), 56, 1_000, 7500);
    }

    @Test
    void internetLink() {
        List<TimeSeries> s = read("csv:" + data.resolve("internet-links/it_eu_5m.csv") + "#traffic (in bits)", 1,
            300_000, 14772);
        assertEquals(14772, s.get(0).length());
    }

    @Test
    void alibaba() {
        read("alibaba:" + data.resolve("alibaba-2018/machine_usage.csv"), 28, 300_000, 500);
    }
}
