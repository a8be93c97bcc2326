package org.ebbflow.flowstats;

/** Receives the rates a {@link CounterTracker} derives, one interval of one port at a time. */
public interface RateSink {
    /** Flag: the interval is longer than expected (missed polls); its rate is the average over the whole interval. */
    int GAP = 1;
    /** Flag: the counters wrapped at 2^64 within the interval. */
    int WRAP = 2;
    /** Flag: the port was down or asleep: counters frozen, rate zero by definition rather than by measurement. */
    int INACTIVE = 4;

    /**
     * @param port the port's index in the {@link PortRegistry}
     * @param fromMillis start of the interval on the controller's clock
     * @param toMillis end of the interval (the sample's receive time)
     * @param rxBps average receive rate in bits per second over the interval
     * @param txBps average transmit rate in bits per second over the interval
     * @param dropped packets dropped (receive and transmit) within the interval
     * @param flags a combination of {@link #GAP}, {@link #WRAP}, {@link #INACTIVE}
     */
    void onRate(int port, long fromMillis, long toMillis, double rxBps, double txBps, long dropped, int flags);
}
