package org.ebbflow.planner.demand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.IpAddress;
import org.ebbflow.topology.TopologySnapshot;

/**
 * Reads demands from CSV text: one demand per line, {@code src,dst,rateBps,class[,upperBps]}. Blank lines and lines
 * starting with {@code #} are skipped; a first line whose first field is {@code src} is a header. Endpoints are host
 * names, MACs or IP addresses, or switch names on topologies without hosts. Rates are bits per second with an optional
 * K, M, G or T suffix (powers of 1000); the upper bound defaults to the rate. Demand ids are 0, 1, ... in file order.
 *
 * <p>Every problem is a {@link DemandException} whose message starts with {@code line N:} and names the field: an
 * unknown host, a negative or unparsable rate, an unknown class, a wrong number of fields.
 */
public final class DemandCsvReader {
    private final TopologySnapshot topology;
    private final Map<String, Integer> endpoints = new HashMap<>();
    private final boolean hostless;

    private DemandCsvReader(TopologySnapshot topology) {
        this.topology = topology;
        this.hostless = topology.hostCount() == 0;
        if (hostless) {
            for (int s = 0; s < topology.switchCount(); s++) {
                endpoints.putIfAbsent(topology.switchAt(s).name(), s);
            }
        } else {
            for (int h = 0; h < topology.hostCount(); h++) {
                HostEndpoint host = topology.host(h);
                endpoints.putIfAbsent(host.name(), h);
                endpoints.putIfAbsent(host.mac().toString().toLowerCase(Locale.ROOT), h);
                for (IpAddress ip : host.ips()) {
                    endpoints.putIfAbsent(ip.toString(), h);
                }
            }
        }
    }

    /**
     * @param in the CSV text; read to its end, not closed
     * @param topology the network whose hosts (or switches) the endpoints name
     * @return the demands
     * @throws DemandException naming the line of the first problem
     * @throws UncheckedIOException if reading fails
     */
    public static DemandSet read(Reader in, TopologySnapshot topology) {
        return new DemandCsvReader(topology).readAll(in);
    }

    private DemandSet readAll(Reader in) {
        BufferedReader r = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        List<Demand> out = new ArrayList<>();
        int lineNo = 0;
        boolean first = true;
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                if (first && f[0].trim().equalsIgnoreCase("src")) {
                    first = false;
                    continue;
                }
                first = false;
                out.add(parseLine(f, lineNo, out.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading demands failed after line " + lineNo, e);
        }
        return DemandSet.of(out);
    }

    private Demand parseLine(String[] f, int line, long id) {
        if (f.length != 4 && f.length != 5) {
            throw DemandException.atLine(line, "expected 4 or 5 fields (src,dst,rateBps,class[,upperBps]), got "
                    + f.length);
        }
        int src = endpoint(f[0], "src", line);
        int dst = endpoint(f[1], "dst", line);
        if (src == dst) {
            throw DemandException.atLine(line, "src and dst are the same endpoint '" + f[0].trim() + "'");
        }
        double rate = rate(f[2], "rateBps", line);
        DemandClass c;
        try {
            c = DemandClass.parse(f[3]);
        } catch (IllegalArgumentException e) {
            throw DemandException.atLine(line, "class: " + e.getMessage());
        }
        double upper = f.length == 5 ? rate(f[4], "upperBps", line) : rate;
        if (upper < rate) {
            throw DemandException.atLine(line, "upperBps " + upper + " is below rateBps " + rate);
        }
        return hostless ? Demand.betweenSwitches(id, src, dst, rate, upper, c)
                : Demand.betweenHosts(id, src, dst, rate, upper, c);
    }

    private int endpoint(String field, String column, int line) {
        String name = field.trim();
        Integer i = endpoints.get(name);
        if (i == null) {
            i = endpoints.get(name.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            String what = hostless ? "switch" : "host";
            throw DemandException.atLine(line, column + ": unknown " + what + " '" + name + "' (the topology has "
                    + (hostless ? topology.switchCount() + " switches" : topology.hostCount() + " hosts")
                    + "; name them by " + (hostless ? "switch name" : "host name, MAC or IP") + ")");
        }
        return i;
    }

    private static double rate(String field, String column, int line) {
        String s = field.trim().toUpperCase(Locale.ROOT);
        double factor = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K': factor = 1e3; break;
                case 'M': factor = 1e6; break;
                case 'G': factor = 1e9; break;
                case 'T': factor = 1e12; break;
                default: factor = 1;
            }
        }
        String digits = factor == 1 ? s : s.substring(0, s.length() - 1);
        double v;
        try {
            v = Double.parseDouble(digits) * factor;
        } catch (NumberFormatException e) {
            throw DemandException.atLine(line, column + ": not a rate '" + field.trim() + "' (expected e.g. 10M)");
        }
        if (v < 0) {
            throw DemandException.atLine(line, column + ": negative rate " + field.trim());
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw DemandException.atLine(line, column + ": rate must be finite: " + field.trim());
        }
        return v;
    }
}
