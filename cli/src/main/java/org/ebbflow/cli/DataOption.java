package org.ebbflow.cli;

import java.util.List;

import org.ebbflow.predictor.data.DataSpecs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mixin for the repeatable, required {@code --data SPEC} option, read with {@link DataSpecs#parse(List)}; it adds the
 * spec grammar to the command's help footer.
 */
@Command(footerHeading = "%nData specs:%n", footer = {
    "  csv:PATH#COLUMN[,step=D][,scale=X]   one column (header name or 1-based index); first column is time:",
    "                                       epoch s or ms, ISO-8601, yyyyMMdd-HHmm or step indices (step=, 1s)",
    "  abilene:PATH[,step=D][,scale=X]      every SRC->DST column, Mbit/s (scale=1e6 to bit/s), empty = 0",
    "  fbpod:PATH[,step=D][,scale=X]        a .hist file or a folder of them; every off-diagonal pair; step 1s",
    "  alibaba:PATH[,step=D][,maxGap=D]     machine_usage: per machine net_in, net_out; step 5m, maxGap 10m",
    "  ebbflow:PATH[,step=D]                ebbflow's export: time_millis,series,rx_bps,tx_bps[,class]",
    "Durations D: 500ms, 1s, 5m, 1h. A PATH may contain commas: only trailing ,name=value parts are options."})
public final class DataOption {
    @Option(names = {"-d", "--data"}, required = true, paramLabel = "SPEC",
            description = "Series to read, e.g. csv:traffic.csv#2 (repeatable; see Data specs below).")
    private List<String> texts;

    /**
     * @return the parsed specs
     * @throws org.ebbflow.predictor.data.DataSpecException if a spec is invalid or its file does not exist
     */
    public DataSpecs specs() {
        return DataSpecs.parse(texts);
    }
}
