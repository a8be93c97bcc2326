package org.ebbflow.flowstats.features;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Computes the four time encodings of a run of steps in a zone's local time, without allocating per step: a fixed
 * offset is resolved once; a zone with daylight saving looks its offset up once per run and again only at each
 * transition inside the run.
 */
final class TimeEncoder {
    /** Values per step in the table {@link #fill} writes, in the order sin/cos of day, sin/cos of week. */
    static final int WIDTH = 4;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final double TWO_PI = 2 * Math.PI;

    private final long stepMillis;
    private final ZoneRules rules;
    private final long fixedOffsetMillis;

    TimeEncoder(long stepMillis, ZoneId zone) {
        this.stepMillis = stepMillis;
        ZoneRules r = zone.getRules();
        this.rules = r.isFixedOffset() ? null : r;
        this.fixedOffsetMillis = r.isFixedOffset() ? r.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
    }

    /** Writes {@code count} steps from {@code firstStep} into {@code out[t * WIDTH + k]}. */
    void fill(long firstStep, int count, float[] out) {
        long start = firstStep * stepMillis;
        long offset = fixedOffsetMillis;
        ZoneOffsetTransition next = null;
        long nextMillis = Long.MAX_VALUE;
        if (rules != null) {
            Instant first = Instant.ofEpochMilli(start);
            offset = rules.getOffset(first).getTotalSeconds() * 1000L;
            next = rules.nextTransition(first);
            nextMillis = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
        }
        for (int t = 0; t < count; t++) {
            long at = start + t * stepMillis;
            while (at >= nextMillis) {
                offset = next.getOffsetAfter().getTotalSeconds() * 1000L;
                next = rules.nextTransition(next.getInstant());
                nextMillis = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
            }
            long local = at + offset;
            double dayAngle = TWO_PI * Math.floorMod(local, DAY_MILLIS) / DAY_MILLIS;
            // 1970-01-01 was a Thursday: day 3 when Monday is 0.
            double weekAngle = TWO_PI * Math.floorMod(Math.floorDiv(local, DAY_MILLIS) + 3, 7L) / 7.0;
            int o = t * WIDTH;
            out[o] = (float) Math.sin(dayAngle);
            out[o + 1] = (float) Math.cos(dayAngle);
            out[o + 2] = (float) Math.sin(weekAngle);
            out[o + 3] = (float) Math.cos(weekAngle);
        }
    }

    /** @return the table column of a time feature */
    static int column(Feature f) {
        switch (f) {
            case TIME_OF_DAY_SIN: return 0;
            case TIME_OF_DAY_COS: return 1;
            case DAY_OF_WEEK_SIN: return 2;
            case DAY_OF_WEEK_COS: return 3;
            default: throw new IllegalArgumentException("not a time encoding: " + f);
        }
    }
}
