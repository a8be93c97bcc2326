package org.ebbflow.predictor.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebbflow.predictor.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code fbpod:PATH} specs: pod-level demand matrices as prepared for FIGRET (SIGCOMM 2024), one N×N matrix per
 * line, row-major, whitespace-separated non-negative integers or decimals. A folder is read file by file in numeric
 * order of the names' leading numbers (names without one after them, by name), each file continuing the previous.
 * Blank lines are skipped. Every off-diagonal pair {@code i->j} (0-based) is a series. See {@link DataSpec}.
 */
final class FbPodReader {
    private static final Logger log = LoggerFactory.getLogger(FbPodReader.class);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private FbPodReader() {
    }

    static List<TimeSeries> read(DataSpec spec) {
        List<Path> files = files(spec);
        double scale = spec.scale(1.0);
        int n = -1;
        Path nFile = null;
        long nLine = 0;
        double[][] cols = null;
        int rows = 0;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long lineNo = 0;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    String s = line.trim();
                    if (s.isEmpty()) {
                        continue;
                    }
                    String[] f = BLANKS.split(s);
                    if (n < 0) {
                        n = (int) Math.round(Math.sqrt(f.length));
                        if (n * n != f.length || n < 2) {
                            throw new DataFormatException(file, lineNo, null, f.length + " values is not an N×N "
                                    + "matrix with N >= 2 (a square count is needed: 4, 9, 16, 64, ...)");
                        }
                        nFile = file;
                        nLine = lineNo;
                        cols = new double[n * (n - 1)][1024];
                    } else if (f.length != n * n) {
                        throw new DataFormatException(file, lineNo, null, f.length + " values, but " + nFile + ":"
                                + nLine + " has an " + n + "×" + n + " matrix (" + n * n + " values)");
                    }
                    if (rows == cols[0].length) {
                        for (int k = 0; k < cols.length; k++) {
                            cols[k] = Arrays.copyOf(cols[k], rows * 2);
                        }
                    }
                    int k = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double v = value(f[i * n + j], file, lineNo, i, j);
                            if (i != j) {
                                cols[k++][rows] = v * scale;
                            }
                        }
                    }
                    rows++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        if (rows == 0) {
            throw new DataFormatException(files.get(0), 0, null, "no matrices"
                    + (files.size() > 1 ? " in " + files.size() + " files" : ""));
        }
        long step = spec.stepMillis(DataSpec.DEFAULT_FBPOD_STEP_MILLIS);
        List<TimeSeries> out = new ArrayList<>(cols.length);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    out.add(TimeSeries.of(i + "->" + j, spec.toString(), 0, step, Arrays.copyOf(cols[k++], rows),
                            null, "units"));
                }
            }
        }
        log.info("{}: {} files, {} matrices of {}×{}, {} series, step {} ({})", spec, files.size(), rows, n, n,
                out.size(), Durations.format(step), spec.hasStep() ? "given" : "assumed: not in the data");
        return out;
    }

    private static double value(String text, Path file, long line, int i, int j) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "entry (" + i + "," + j + ")", "not a number: '" + text + "'");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new DataFormatException(file, line, "entry (" + i + "," + j + ")", "demand must be a finite "
                    + "number >= 0: '" + text + "'");
        }
        return v;
    }

    /** @return the file, or the folder's {@code .hist} files in numeric order */
    static List<Path> files(DataSpec spec) {
        Path p = spec.path();
        if (!Files.isDirectory(p)) {
            return Collections.singletonList(p);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.hist")) {
            for (Path f : ds) {
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new DataSpecException(spec + ": no .hist files in the folder " + p);
        }
        files.sort(Comparator.comparing((Path f) -> leadingNumber(f) == null ? 1 : 0)
                .thenComparing(f -> leadingNumber(f) == null ? BigInteger.ZERO : leadingNumber(f))
                .thenComparing(f -> f.getFileName().toString()));
        return files;
    }

    private static BigInteger leadingNumber(Path f) {
        Matcher m = LEADING_NUMBER.matcher(f.getFileName().toString());
        return m.find() ? new BigInteger(m.group(1)) : null;
    }
}
