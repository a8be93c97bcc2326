package org.ebbflow.predictor.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The formats a time column may have, recognised from its first value; every later value must have the same format.
 * Times without an offset are UTC.
 *
 * <ul>
 *   <li>{@link #EPOCH_MILLIS}: a number of at least 10<sup>11</sup> (after March 1973 in milliseconds);</li>
 *   <li>{@link #EPOCH_SECONDS}: a number of at least 10<sup>8</sup> (after March 1973 in seconds), decimals
 *       allowed;</li>
 *   <li>{@link #STEP_INDEX}: a smaller non-negative integer, a step number with no absolute time;</li>
 *   <li>{@link #COMPACT}: {@code yyyyMMdd-HHmm} or {@code yyyyMMdd-HHmmss} (SNDlib/Abilene style);</li>
 *   <li>{@link #ISO}: ISO-8601 date-time with {@code T} or a blank between date and time, optional seconds,
 *       fraction and offset ({@code Z}, {@code +02:00}), or a date alone.</li>
 * </ul>
 */
enum TimeFormat {
    /** Milliseconds since the epoch. */
    EPOCH_MILLIS,
    /** Seconds since the epoch. */
    EPOCH_SECONDS,
    /** Step numbers without absolute time. */
    STEP_INDEX,
    /** {@code yyyyMMdd-HHmm[ss]}, UTC. */
    COMPACT,
    /** ISO-8601, UTC unless an offset is given. */
    ISO;

    private static final Pattern COMPACT_PATTERN = Pattern.compile("\\d{8}-\\d{4}(\\d{2})?");
    private static final DateTimeFormatter COMPACT_MINUTES = DateTimeFormatter.ofPattern("uuuuMMdd-HHmm");
    private static final DateTimeFormatter COMPACT_SECONDS = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    /**
     * @return the format of a first time value
     * @throws IllegalArgumentException if the text has none of the formats
     */
    static TimeFormat detect(String text) {
        String s = text.trim();
        if (COMPACT_PATTERN.matcher(s).matches()) {
            return COMPACT;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            parseIso(s);
            return ISO;
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("not a time: '" + text + "'");
        }
        return v >= 1e11 ? EPOCH_MILLIS : v >= 1e8 ? EPOCH_SECONDS : STEP_INDEX;
    }

    /** @return true if the format carries absolute time (false for step indices) */
    boolean isAbsolute() {
        return this != STEP_INDEX;
    }

    /**
     * @return epoch milliseconds, or the step number for {@link #STEP_INDEX}
     * @throws IllegalArgumentException if the text is not a time of this format
     */
    long parse(String text) {
        String s = text.trim();
        try {
            switch (this) {
                case EPOCH_MILLIS:
                    return Math.round(finite(s));
                case EPOCH_SECONDS:
                    return Math.round(finite(s) * 1000);
                case STEP_INDEX:
                    return Long.parseLong(s);
                case COMPACT:
                    return LocalDateTime.parse(s, s.length() > 13 ? COMPACT_SECONDS : COMPACT_MINUTES)
                            .toInstant(ZoneOffset.UTC).toEpochMilli();
                default:
                    return parseIso(s);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a time in the column's format (" + describe() + "): '" + text
                    + "'");
        }
    }

    private static double finite(String s) {
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(s);
        }
        return v;
    }

    private static long parseIso(String s) {
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // no offset: UTC
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not an instant
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: '" + s + "' (expected epoch seconds or milliseconds, "
                    + "ISO-8601, yyyyMMdd-HHmm or a step index)");
        }
    }

    /** @return a short description for error messages */
    String describe() {
        switch (this) {
            case EPOCH_MILLIS:
                return "epoch milliseconds";
            case EPOCH_SECONDS:
                return "epoch seconds";
            case STEP_INDEX:
                return "step index";
            case COMPACT:
                return "yyyyMMdd-HHmm";
            default:
                return "ISO-8601";
        }
    }
}
