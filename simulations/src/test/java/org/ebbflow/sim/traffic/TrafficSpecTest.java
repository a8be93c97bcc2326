package org.ebbflow.sim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficSpecTest {
    @TempDir
    Path dir;

    @Test
    void syntheticParametersParseAndPrintCanonically() {
        TrafficSpec s = TrafficSpec.parse("synthetic:load=0.4,locality=far,diurnal=false,surges=3,mix=websearch");
        assertEquals(TrafficSpec.Kind.SYNTHETIC, s.kind());
        SyntheticConfig c = s.synthetic();
        assertEquals(0.4, c.load());
        assertEquals(Locality.FAR, c.locality());
        assertFalse(c.diurnal());
        assertEquals(3, c.surges());
        assertEquals("websearch", c.mix().name());
        assertEquals(s.toString(), TrafficSpec.parse(s.toString()).toString());
        assertNull(s.data());
        assertEquals(SyntheticConfig.DEFAULTS, TrafficSpec.parse("synthetic:").synthetic());
        assertEquals(0.3, TrafficSpec.parse("SYNTHETIC:Load=0.3").synthetic().load());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "poisson:load=1", "synthetic:load=abc", "synthetic:load=0", "synthetic:load=2",
        "synthetic:locality=nearby", "synthetic:diurnal=yes", "synthetic:surges=-1", "synthetic:mix=cache",
        "synthetic:speed=1", "synthetic:load", "synthetic:load=0.1,load=0.2", "abilene:", "fbpod:/no/such/folder",
        "abilene:/no/such.csv", "synthetic:ls=0.8,gb=0.5"})
    void badSpecsFailWithOneLine(String text) {
        TrafficSpecException e = assertThrows(TrafficSpecException.class, () -> TrafficSpec.parse(text));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @Test
    void replaysKeepTheirDataSpec() throws IOException {
        Path f = Files.writeString(dir.resolve("1.hist"), "0 1 2\n3 0 4\n5 6 0\n");
        TrafficSpec s = TrafficSpec.parse("fbpod:" + f + ",step=5s");
        assertEquals(TrafficSpec.Kind.FBPOD, s.kind());
        assertEquals(5_000, s.data().stepMillis(0));
        assertNull(s.synthetic());
    }
}
