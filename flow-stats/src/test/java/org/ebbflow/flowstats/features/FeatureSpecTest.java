package org.ebbflow.flowstats.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {
    private static FeatureSpec withLags() {
        return FeatureSpec.builder(12, 5_000)
                .features(Feature.RATE_IN_BPS, Feature.RATE_OUT_BPS, Feature.TIME_OF_DAY_SIN, Feature.BYTES_IN)
                .lags(17_280, 720)
                .zone(ZoneId.of("Europe/Berlin"))
                .build();
    }

    @Test
    void channelsAreTheFeaturesThenEachLagOfTheTrafficFeatures() {
        FeatureSpec s = withLags();
        assertEquals(4 + 2 * 3, s.channelCount());
        assertArrayEquals(new int[] {720, 17_280}, s.lagSteps(), "lags sorted ascending");
        assertEquals(Feature.BYTES_IN, s.channelFeature(3));
        assertEquals(0, s.channelLag(3));
        assertEquals("RATE_IN_BPS@lag720", s.channelName(4));
        assertEquals("BYTES_IN@lag720", s.channelName(6));
        assertEquals("RATE_OUT_BPS@lag17280", s.channelName(8));
        assertEquals(8, s.channelOf(Feature.RATE_OUT_BPS, 17_280));
        assertEquals(2, s.channelOf(Feature.TIME_OF_DAY_SIN));
        assertEquals(-1, s.channelOf(Feature.TIME_OF_DAY_SIN, 720), "time encodings are not lagged");
        assertEquals(-1, s.channelOf(Feature.BYTES_OUT));
        assertEquals(17_280, s.maxLag());
    }

    @Test
    void textFormIsStableAndParsesBack() {
        FeatureSpec s = withLags();
        String text = s.toText();
        assertEquals("version=1;features=RATE_IN_BPS,RATE_OUT_BPS,TIME_OF_DAY_SIN,BYTES_IN;window=12;stepMillis=5000;"
                + "lags=720,17280;zone=Europe/Berlin", text);
        assertEquals(s, FeatureSpec.parse(text));
        assertEquals(s.hashCode(), FeatureSpec.parse(text).hashCode());
        FeatureSpec plain = FeatureSpec.trafficOnly(6, 60_000);
        assertEquals("version=1;features=BYTES_IN,BYTES_OUT,RATE_IN_BPS,RATE_OUT_BPS;window=6;stepMillis=60000;lags=;"
                + "zone=UTC", plain.toText());
        assertEquals(plain, FeatureSpec.parse(plain.toText()));
        assertEquals(plain, FeatureSpec.parse(" features=BYTES_IN,BYTES_OUT,RATE_IN_BPS,RATE_OUT_BPS;stepMillis=60000;"
                + "window=6;version=1 "), "keys in any order, lags and zone optional");
    }

    @Test
    void utcSpellingsAreOneSpec() {
        FeatureSpec a = FeatureSpec.builder(3, 1_000).features(Feature.RATE_IN_BPS).zone(ZoneId.of("UTC")).build();
        FeatureSpec b = FeatureSpec.builder(3, 1_000).features(Feature.RATE_IN_BPS).zone(ZoneOffset.UTC).build();
        assertEquals(a, b);
        assertEquals(a.toText(), b.toText());
        assertNotEquals(a, FeatureSpec.builder(3, 1_000).features(Feature.RATE_IN_BPS).lags(5).build());
    }

    @Test
    void parseErrorsSayWhatIsWrong() {
        assertMessage("unknown feature 'RATE_SIDEWAYS'",
                "version=1;features=RATE_IN_BPS,RATE_SIDEWAYS;window=3;stepMillis=1000");
        assertMessage("window: not an integer: 'three'", "version=1;features=RATE_IN_BPS;window=three;stepMillis=1000");
        assertMessage("missing key 'stepMillis'", "version=1;features=RATE_IN_BPS;window=3");
        assertMessage("unknown key 'horizon'", "version=1;features=RATE_IN_BPS;window=3;stepMillis=1000;horizon=2");
        assertMessage("key 'window' given twice", "version=1;features=RATE_IN_BPS;window=3;window=4;stepMillis=1000");
        assertMessage("unsupported version 2", "version=2;features=RATE_IN_BPS;window=3;stepMillis=1000");
        assertMessage("unknown zone 'Mars/Olympus'",
                "version=1;features=RATE_IN_BPS;window=3;stepMillis=1000;zone=Mars/Olympus");
        assertMessage("feature listed twice", "version=1;features=RATE_IN_BPS,RATE_IN_BPS;window=3;stepMillis=1000");
        assertMessage("lags need at least one traffic feature",
                "version=1;features=TIME_OF_DAY_SIN;window=3;stepMillis=1000;lags=4");
        assertMessage("expected key=value", "version=1;features=RATE_IN_BPS;window=3;stepMillis=1000;;");
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.builder(0, 1_000).features(Feature.BYTES_IN)
                .build());
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.builder(3, 0).features(Feature.BYTES_IN)
                .build());
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.builder(3, 1_000).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.builder(3, 1_000).features(Feature.BYTES_IN)
                .lags(0).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.builder(3, 1_000).features(Feature.BYTES_IN)
                .lags(4, 4).build());
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSpec.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(text.trim()), "the message quotes the text: " + e.getMessage());
    }
}
