package org.ebbflow.flowstats.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebbflow.flowstats.CounterSemantics;
import org.ebbflow.flowstats.CounterTracker;
import org.ebbflow.flowstats.PortCounterSample;
import org.ebbflow.flowstats.PortRegistry;
import org.ebbflow.flowstats.RateSink;
import org.ebbflow.flowstats.SampleOutcome;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code machine_usage} table of the Alibaba cluster-trace-v2018 (github.com/alibaba/clusterdata; research
 * or study use) into per-machine series of its network counters and the rates between samples.
 *
 * <p><b>Format.</b> CSV without header, nine columns: {@code machine_id,time_stamp,cpu_util_percent,mem_util_percent,
 * mem_gps,mpki,net_in,net_out,disk_io_percent}. {@code time_stamp} is in seconds from the start of the trace;
 * {@code net_in} and {@code net_out} are normalised cumulative counters (differences are traffic). Only those two and
 * the first two columns are read; the others may be empty (mem_gps and mpki usually are). Rows may come in any order;
 * each machine's rows are sorted by time (ties keep file order). Sampling is irregular, about every 10 to 60 s.
 *
 * <p><b>Checks, with the live path's semantics.</b> The counters are scaled to integers ({@code round(value ×
 * scale)}, scale 10^6 by default: the trace has at most two decimals, so differences are exact) and fed, machine by
 * machine in time order, to a {@link CounterTracker} with {@link CounterSemantics#SIGNED} semantics, each machine a
 * pseudo port of unknown capacity. So, as for switch ports: the first sample is a baseline; a counter going back is a
 * reset that starts a new epoch and makes no rate; a repeated timestamp is a duplicate (same counters) or out of
 * order (different ones) and is dropped; a negative counter is rejected. Before the tracker, a counter that is empty,
 * NaN, infinite, not a number or too large is rejected. Every rejection is counted by reason and the first ones are
 * kept with file, line and field ({@link Rejection}); none becomes a rate. A broken structure (a row without nine
 * fields, an empty machine id, a timestamp that is not an integer) stops reading with a {@link TraceFormatException}.
 *
 * <p>The file is held in memory as primitive arrays (about 40 bytes a row) while machines are sorted. Immutable and
 * thread-safe: each read uses its own tracker.
 */
public final class AlibabaMachineUsageReader {
    /** The trace's columns, in order. */
    public static final List<String> COLUMNS = Collections.unmodifiableList(Arrays.asList("machine_id", "time_stamp",
            "cpu_util_percent", "mem_util_percent", "mem_gps", "mpki", "net_in", "net_out", "disk_io_percent"));
    /** The default factor from normalised counter units to the integers the tracker differences. */
    public static final double DEFAULT_SCALE = 1e6;

    private static final Logger log = LoggerFactory.getLogger(AlibabaMachineUsageReader.class);
    private static final int NET_IN = 6;
    private static final int NET_OUT = 7;
    /** Largest scaled counter kept exactly by a double (2^53). */
    private static final double MAX_SCALED = 9.007199254740992e15;

    private final double scale;
    private final Set<String> machines;
    private final long gapSeconds;
    private final int rejectionsKept;

    private AlibabaMachineUsageReader(Builder b) {
        if (!(b.scale >= 1) || b.gapSeconds < 1 || b.rejectionsKept < 0) {
            throw new IllegalArgumentException("scale must be at least 1, gap at least 1 s, rejections kept >= 0");
        }
        this.scale = b.scale;
        this.machines = Collections.unmodifiableSet(new HashSet<>(b.machines));
        this.gapSeconds = b.gapSeconds;
        this.rejectionsKept = b.rejectionsKept;
    }

    /** @return a reader of every machine, scale 10^6, gaps flagged beyond 300 s, the first 1,000 rejections kept */
    public static AlibabaMachineUsageReader defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads a file (UTF-8); rejections name it by its file name. */
    public MachineUsage read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, String.valueOf(file.getFileName()));
        }
    }

    /**
     * Reads a trace from a character stream, which is not closed.
     *
     * @param source the name rejections and format errors give the data (e.g. the file name)
     * @throws TraceFormatException if the structure is broken, naming the line and field
     */
    public MachineUsage read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        Run run = new Run(source);
        String line;
        long lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (!line.trim().isEmpty()) {
                run.row(line, lineNo);
            }
        }
        MachineUsage usage = run.finish();
        log.info("{}", usage.summary());
        return usage;
    }

    /** The state of one read: rows per machine until sorted, then the tracker's pass. */
    private final class Run implements RateSink {
        private final String source;
        private final Map<String, Rows> byMachine = new LinkedHashMap<>();
        private final Map<Rejection.Reason, Long> counts = new EnumMap<>(Rejection.Reason.class);
        private final List<Rejection> rejections = new ArrayList<>();
        private final PortRegistry registry = new PortRegistry();
        private final CounterTracker tracker;
        private long rows;
        private final GrowableIntervals intervals = new GrowableIntervals();

        Run(String source) {
            this.source = source;
            this.tracker = new CounterTracker(registry, this, CounterTracker.Options.defaults(CounterSemantics.SIGNED)
                    .withExpectedIntervalMillis(gapSeconds * 1000).withGapFactor(1.0));
        }

        void row(String line, long lineNo) throws TraceFormatException {
            rows++;
            String[] f = line.split(",", -1);
            if (f.length != COLUMNS.size()) {
                throw new TraceFormatException(source, lineNo, null, "expected " + COLUMNS.size()
                        + " comma-separated fields (" + String.join(",", COLUMNS) + "), found " + f.length);
            }
            String machine = f[0].trim();
            if (machine.isEmpty()) {
                throw new TraceFormatException(source, lineNo, COLUMNS.get(0), "empty machine id");
            }
            long ts;
            try {
                ts = Long.parseLong(f[1].trim());
            } catch (NumberFormatException e) {
                throw new TraceFormatException(source, lineNo, COLUMNS.get(1), "not an integer number of seconds: '"
                        + f[1] + "'");
            }
            if (ts < 0 || ts > Long.MAX_VALUE / 1000) {
                throw new TraceFormatException(source, lineNo, COLUMNS.get(1), "timestamp out of range: " + ts);
            }
            if (!machines.isEmpty() && !machines.contains(machine)) {
                // Not one of ours: the tracker knows no such port and says so.
                SampleOutcome o = tracker.ingest(-1, 0, 0, 0, PortCounterSample.NO_DURATION, ts * 1000);
                reject(lineNo, machine, null, reasonOf(o), "not among the machines asked for");
                return;
            }
            long in = scaled(f[NET_IN], lineNo, machine, COLUMNS.get(NET_IN));
            if (in == Long.MIN_VALUE) {
                return;
            }
            long out = scaled(f[NET_OUT], lineNo, machine, COLUMNS.get(NET_OUT));
            if (out == Long.MIN_VALUE) {
                return;
            }
            byMachine.computeIfAbsent(machine, m -> new Rows()).add(ts, in, out, lineNo);
        }

        /** @return the scaled counter, or Long.MIN_VALUE after rejecting the row */
        private long scaled(String text, long lineNo, String machine, String field) {
            String s = text.trim();
            if (s.isEmpty()) {
                reject(lineNo, machine, field, Rejection.Reason.EMPTY_FIELD, "empty");
                return Long.MIN_VALUE;
            }
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                reject(lineNo, machine, field, Rejection.Reason.NOT_A_NUMBER, "'" + s + "'");
                return Long.MIN_VALUE;
            }
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                reject(lineNo, machine, field, Rejection.Reason.NOT_A_NUMBER, s);
                return Long.MIN_VALUE;
            }
            double x = Math.rint(v * scale);
            if (Math.abs(x) > MAX_SCALED) {
                reject(lineNo, machine, field, Rejection.Reason.OUT_OF_RANGE, s + " × " + scale + " exceeds 2^53");
                return Long.MIN_VALUE;
            }
            return (long) x; // a negative value goes on: the tracker's signed semantics reject it
        }

        MachineUsage finish() {
            Map<String, MachineSeries> series = new LinkedHashMap<>();
            for (Map.Entry<String, Rows> e : byMachine.entrySet()) {
                series.put(e.getKey(), track(e.getKey(), e.getValue()));
            }
            return new MachineUsage(source, rows, series, counts, rejections, tracker.counts());
        }

        private MachineSeries track(String machine, Rows r) {
            int port = registry.register(ConnectPoint.of(DatapathId.of(registry.size() + 1L), 1), 0);
            Integer[] order = new Integer[r.n];
            for (int i = 0; i < r.n; i++) {
                order[i] = i;
            }
            // Stable by time: ties keep file order, so the first of two rows with one timestamp is the one kept.
            Arrays.sort(order, (a, b) -> Long.compare(r.ts[a], r.ts[b]));
            long[] ts = new long[r.n];
            double[] in = new double[r.n];
            double[] out = new double[r.n];
            int[] epoch = new int[r.n];
            int kept = 0;
            int currentEpoch = 0;
            long lastKeptLine = -1;
            intervals.clear();
            for (Integer boxed : order) {
                int i = boxed;
                SampleOutcome o = tracker.ingest(port, r.in[i], r.out[i], 0, PortCounterSample.NO_DURATION,
                        r.ts[i] * 1000);
                if (o.isKept()) {
                    if (o == SampleOutcome.RESET) {
                        currentEpoch++;
                        log.debug("{}:{}: {} counters went back at {} s: epoch {}", source, r.line[i], machine,
                                r.ts[i], currentEpoch);
                    }
                    ts[kept] = r.ts[i];
                    in[kept] = r.in[i] / scale;
                    out[kept] = r.out[i] / scale;
                    epoch[kept] = currentEpoch;
                    kept++;
                    lastKeptLine = r.line[i];
                } else {
                    String field = o != SampleOutcome.NEGATIVE_COUNTER ? null
                            : r.in[i] < 0 ? COLUMNS.get(NET_IN) : COLUMNS.get(NET_OUT);
                    String detail = o == SampleOutcome.NEGATIVE_COUNTER
                            ? String.valueOf((r.in[i] < 0 ? r.in[i] : r.out[i]) / scale)
                            : "time_stamp " + r.ts[i] + " already kept from line " + lastKeptLine
                                    + (o == SampleOutcome.DUPLICATE ? " with the same counters"
                                    : " with different counters");
                    reject(r.line[i], machine, field, reasonOf(o), detail);
                }
            }
            return new MachineSeries(machine, Arrays.copyOf(ts, kept), Arrays.copyOf(in, kept),
                    Arrays.copyOf(out, kept), Arrays.copyOf(epoch, kept), intervals.from(), intervals.to(),
                    intervals.in(), intervals.out(), intervals.flags());
        }

        @Override
        public void onRate(int port, long fromMillis, long toMillis, double rxBps, double txBps, long dropped,
                           int flags) {
            // The tracker counts scaled units as bytes: bits per second / 8 / scale = units per second.
            intervals.add(fromMillis / 1000, toMillis / 1000, rxBps / 8 / scale, txBps / 8 / scale, flags);
        }

        private void reject(long lineNo, String machine, String field, Rejection.Reason reason, String detail) {
            counts.merge(reason, 1L, Long::sum);
            Rejection r = new Rejection(source, lineNo, machine, field, reason, detail);
            log.debug("rejected {}", r);
            if (rejections.size() < rejectionsKept) {
                rejections.add(r);
            }
        }
    }

    private static Rejection.Reason reasonOf(SampleOutcome o) {
        switch (o) {
            case DUPLICATE: return Rejection.Reason.DUPLICATE;
            case OUT_OF_ORDER: return Rejection.Reason.OUT_OF_ORDER;
            case NEGATIVE_COUNTER: return Rejection.Reason.NEGATIVE_COUNTER;
            case UNKNOWN_PORT: return Rejection.Reason.UNKNOWN_MACHINE;
            default: throw new IllegalStateException("not a rejection: " + o);
        }
    }

    /** One machine's rows in file order. */
    private static final class Rows {
        long[] ts = new long[256];
        long[] in = new long[256];
        long[] out = new long[256];
        long[] line = new long[256];
        int n;

        void add(long t, long i, long o, long l) {
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                in = Arrays.copyOf(in, n * 2);
                out = Arrays.copyOf(out, n * 2);
                line = Arrays.copyOf(line, n * 2);
            }
            ts[n] = t;
            in[n] = i;
            out[n] = o;
            line[n] = l;
            n++;
        }
    }

    /** The rate intervals of the machine being tracked. */
    private static final class GrowableIntervals {
        private long[] from = new long[256];
        private long[] to = new long[256];
        private double[] in = new double[256];
        private double[] out = new double[256];
        private int[] flags = new int[256];
        private int n;

        void clear() {
            n = 0;
        }

        void add(long f, long t, double i, double o, int fl) {
            if (n == from.length) {
                from = Arrays.copyOf(from, n * 2);
                to = Arrays.copyOf(to, n * 2);
                in = Arrays.copyOf(in, n * 2);
                out = Arrays.copyOf(out, n * 2);
                flags = Arrays.copyOf(flags, n * 2);
            }
            from[n] = f;
            to[n] = t;
            in[n] = i;
            out[n] = o;
            flags[n] = fl;
            n++;
        }

        long[] from() {
            return Arrays.copyOf(from, n);
        }

        long[] to() {
            return Arrays.copyOf(to, n);
        }

        double[] in() {
            return Arrays.copyOf(in, n);
        }

        double[] out() {
            return Arrays.copyOf(out, n);
        }

        int[] flags() {
            return Arrays.copyOf(flags, n);
        }
    }

    /** Builds a reader. */
    public static final class Builder {
        private double scale = DEFAULT_SCALE;
        private final Set<String> machines = new HashSet<>();
        private long gapSeconds = 300;
        private int rejectionsKept = 1000;

        private Builder() {
        }

        /** @param factor multiplies counters before rounding to integers; at least 1 (default 10^6) */
        public Builder scale(double factor) {
            this.scale = factor;
            return this;
        }

        /** @param ids machines to read; rows of others are rejected as unknown. None given: every machine */
        public Builder machines(Set<String> ids) {
            machines.addAll(ids);
            return this;
        }

        /** @param seconds intervals longer than this are flagged {@link RateSink#GAP} (default 300) */
        public Builder gapSeconds(long seconds) {
            this.gapSeconds = seconds;
            return this;
        }

        /** @param count how many rejections to keep with their place in the file (all are counted; default 1,000) */
        public Builder rejectionsKept(int count) {
            this.rejectionsKept = count;
            return this;
        }

        /** @return the reader */
        public AlibabaMachineUsageReader build() {
            return new AlibabaMachineUsageReader(this);
        }
    }
}
