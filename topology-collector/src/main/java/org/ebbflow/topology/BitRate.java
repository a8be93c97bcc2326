package org.ebbflow.topology;

import java.util.Locale;

/** Parses and prints rates in bits per second with SI suffixes: {@code 10G}, {@code 100M}, {@code 1.5e9}. */
public final class BitRate {
    private BitRate() {
    }

    /**
     * @param text a number with an optional suffix K, M, G or T (powers of 1000) and an optional "bps"
     * @return the rate in bits per second, rounded to the nearest bit
     * @throws IllegalArgumentException if the text is not a positive rate
     */
    public static long parseBps(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.endsWith("BPS")) {
            s = s.substring(0, s.length() - 3);
        }
        double factor = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K': factor = 1e3; break;
                case 'M': factor = 1e6; break;
                case 'G': factor = 1e9; break;
                case 'T': factor = 1e12; break;
                default: factor = 1;
            }
            if (factor != 1) {
                s = s.substring(0, s.length() - 1);
            }
        }
        double v;
        try {
            v = Double.parseDouble(s) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a rate: '" + text + "' (expected e.g. 10G, 100M, 1e9)", e);
        }
        if (!(v > 0) || v > Long.MAX_VALUE) {
            throw new IllegalArgumentException("rate must be positive: '" + text + "'");
        }
        return Math.round(v);
    }

    /** @return the rate with the largest SI suffix that keeps it at least 1, e.g. {@code 10G} or {@code 2.5M} */
    public static String format(double bps) {
        String[] suffix = {"", "K", "M", "G", "T", "P"};
        double v = bps;
        int i = 0;
        while (Math.abs(v) >= 1000 && i < suffix.length - 1) {
            v /= 1000;
            i++;
        }
        String num = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
        return num + suffix[i];
    }
}
