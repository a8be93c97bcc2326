package org.ebbflow.predictor.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ebbflow.flowstats.io.AlibabaMachineUsageReader;
import org.ebbflow.flowstats.io.MachineSeries;
import org.ebbflow.flowstats.io.MachineUsage;
import org.ebbflow.flowstats.io.ResampledSeries;
import org.ebbflow.flowstats.io.TraceFormatException;
import org.ebbflow.predictor.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code alibaba:PATH} specs with {@link AlibabaMachineUsageReader}: per machine {@code M/net_in} and
 * {@code M/net_out}, resampled to the spec's step. Time 0 is the trace's time 0 (its calendar time is not
 * published). Rows the reader rejects are logged (a count at WARN); a broken structure is a
 * {@link DataFormatException} with the reader's file, line and field. See {@link DataSpec}.
 */
final class AlibabaSeriesReader {
    private static final Logger log = LoggerFactory.getLogger(AlibabaSeriesReader.class);

    private AlibabaSeriesReader() {
    }

    static List<TimeSeries> read(DataSpec spec) {
        Path file = spec.path();
        MachineUsage usage;
        try {
            usage = AlibabaMachineUsageReader.defaults().read(file);
        } catch (TraceFormatException e) {
            throw new DataFormatException(file, e.line(), e.field(), problemOf(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (usage.rejectedRows() > 0) {
            log.warn("{}: {} rows rejected {}, the first: {}", spec, usage.rejectedRows(), usage.rejectionCounts(),
                    usage.rejections().isEmpty() ? "-" : usage.rejections().get(0).message());
        }
        long step = spec.stepMillis(DataSpec.DEFAULT_ALIBABA_STEP_MILLIS);
        long maxGap = spec.maxGapMillis(DataSpec.DEFAULT_ALIBABA_MAX_GAP_MILLIS);
        List<TimeSeries> out = new ArrayList<>();
        for (MachineSeries m : usage.machines()) {
            ResampledSeries r = m.resample(step, maxGap);
            if (r.length() == 0) {
                log.warn("{}: machine {} has no rate interval; left out", spec, m.machine());
                continue;
            }
            long start = r.firstStep() * step;
            out.add(TimeSeries.of(m.machine() + "/net_in", spec.toString(), start, step, r.inPerSecond(), null,
                    "units/s"));
            out.add(TimeSeries.of(m.machine() + "/net_out", spec.toString(), start, step, r.outPerSecond(), null,
                    "units/s"));
        }
        if (out.isEmpty()) {
            throw new DataFormatException(file, 0, null, "no machine with two samples in a row: nothing to difference");
        }
        log.info("{}: {} machines, {} series, step {}", spec, out.size() / 2, out.size(), Durations.format(step));
        return out;
    }

    /** @return the reader's problem text without its own "file line N, field F: " prefix */
    private static String problemOf(TraceFormatException e) {
        String msg = e.getMessage();
        String prefix = e.source() + " line " + e.line() + (e.field() == null ? "" : ", field " + e.field()) + ": ";
        return msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
    }
}
