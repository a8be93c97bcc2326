package org.ebbflow.flowstats;

import java.util.ArrayList;
import java.util.List;

/** Keeps every rate a tracker reports, for assertions. */
final class RecordingSink implements RateSink {
    static final class Rate {
        final int port;
        final long from;
        final long to;
        final double rxBps;
        final double txBps;
        final long dropped;
        final int flags;

        Rate(int port, long from, long to, double rxBps, double txBps, long dropped, int flags) {
            this.port = port;
            this.from = from;
            this.to = to;
            this.rxBps = rxBps;
            this.txBps = txBps;
            this.dropped = dropped;
            this.flags = flags;
        }

        @Override
        public String toString() {
            return port + " (" + from + "," + to + "] rx=" + rxBps + " tx=" + txBps + " flags=" + flags;
        }
    }

    final List<Rate> rates = new ArrayList<>();

    @Override
    public void onRate(int port, long fromMillis, long toMillis, double rxBps, double txBps, long dropped, int flags) {
        rates.add(new Rate(port, fromMillis, toMillis, rxBps, txBps, dropped, flags));
    }

    Rate last() {
        return rates.get(rates.size() - 1);
    }
}
