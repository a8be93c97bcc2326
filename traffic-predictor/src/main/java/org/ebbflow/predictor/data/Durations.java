package org.ebbflow.predictor.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as data specs write them: a positive number and a unit, {@code ms}, {@code s}, {@code m}, {@code h}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)");

    private Durations() {
    }

    /**
     * @param text e.g. {@code 500ms}, {@code 1s}, {@code 5m} (also {@code 5min}), {@code 1h}, {@code 1d}
     * @return the duration in milliseconds, at least 1
     * @throws IllegalArgumentException if the text is not such a duration or is below one millisecond
     */
    public static long parseMillis(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 500ms, 1s, 5m, 1h, 1d)");
        }
        double v = Double.parseDouble(m.group(1));
        double unit;
        switch (m.group(2)) {
            case "ms":
                unit = 1;
                break;
            case "s":
                unit = 1_000;
                break;
            case "m":
            case "min":
                unit = 60_000;
                break;
            case "h":
                unit = 3_600_000;
                break;
            default:
                unit = 86_400_000;
                break;
        }
        long millis = Math.round(v * unit);
        if (millis < 1) {
            throw new IllegalArgumentException("duration below one millisecond: '" + text + "'");
        }
        return millis;
    }

    /** @return the shortest exact text for a duration, e.g. {@code 5m}, {@code 90s}, {@code 250ms} */
    public static String format(long millis) {
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
