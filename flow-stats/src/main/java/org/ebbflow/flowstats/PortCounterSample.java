package org.ebbflow.flowstats;

import java.util.Objects;
import org.ebbflow.topology.ConnectPoint;

/**
 * One reading of a port's cumulative counters, as a switch reports them (OpenFlow port statistics). Counters are
 * unsigned 64-bit values held in a {@code long}: a value above {@link Long#MAX_VALUE} reads as negative in Java and is
 * legal (it precedes a 64-bit wrap). Sources whose counters are signed use {@link #checkSigned(long, String)}.
 */
public final class PortCounterSample {
    /** Marks a switch that reports no port duration: rates then use the controller's receive times. */
    public static final long NO_DURATION = -1;

    private final ConnectPoint port;
    private final long rxBytes;
    private final long txBytes;
    private final long rxPackets;
    private final long txPackets;
    private final long rxDropped;
    private final long txDropped;
    private final long rxErrors;
    private final long txErrors;
    private final long durationNanos;
    private final long receivedMillis;

    private PortCounterSample(Builder b) {
        this.port = Objects.requireNonNull(b.port, "port");
        this.rxBytes = b.rxBytes;
        this.txBytes = b.txBytes;
        this.rxPackets = b.rxPackets;
        this.txPackets = b.txPackets;
        this.rxDropped = b.rxDropped;
        this.txDropped = b.txDropped;
        this.rxErrors = b.rxErrors;
        this.txErrors = b.txErrors;
        this.durationNanos = b.durationNanos;
        this.receivedMillis = b.receivedMillis;
    }

    /** @return a builder for a sample of {@code port} received at {@code receivedMillis} on the controller's clock */
    public static Builder builder(ConnectPoint port, long receivedMillis) {
        return new Builder(port, receivedMillis);
    }

    /**
     * Checks a counter read from a signed source (ONOS statistics, text files), where a negative value is corrupt.
     *
     * @return the value
     * @throws IllegalArgumentException naming the counter if it is negative
     */
    public static long checkSigned(long value, String counter) {
        if (value < 0) {
            throw new IllegalArgumentException("negative counter " + counter + ": " + value);
        }
        return value;
    }

    /** @return the port */
    public ConnectPoint port() {
        return port;
    }

    /** @return bytes received, unsigned */
    public long rxBytes() {
        return rxBytes;
    }

    /** @return bytes transmitted, unsigned */
    public long txBytes() {
        return txBytes;
    }

    /** @return packets received, unsigned */
    public long rxPackets() {
        return rxPackets;
    }

    /** @return packets transmitted, unsigned */
    public long txPackets() {
        return txPackets;
    }

    /** @return packets dropped on receive, unsigned */
    public long rxDropped() {
        return rxDropped;
    }

    /** @return packets dropped on transmit, unsigned */
    public long txDropped() {
        return txDropped;
    }

    /** @return receive errors, unsigned */
    public long rxErrors() {
        return rxErrors;
    }

    /** @return transmit errors, unsigned */
    public long txErrors() {
        return txErrors;
    }

    /** @return how long the port has existed per the switch, in nanoseconds, or {@link #NO_DURATION} */
    public long durationNanos() {
        return durationNanos;
    }

    /** @return when the controller received the sample, in milliseconds */
    public long receivedMillis() {
        return receivedMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PortCounterSample)) {
            return false;
        }
        PortCounterSample s = (PortCounterSample) o;
        return port.equals(s.port) && rxBytes == s.rxBytes && txBytes == s.txBytes && rxPackets == s.rxPackets
                && txPackets == s.txPackets && rxDropped == s.rxDropped && txDropped == s.txDropped
                && rxErrors == s.rxErrors && txErrors == s.txErrors && durationNanos == s.durationNanos
                && receivedMillis == s.receivedMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, rxBytes, txBytes, durationNanos, receivedMillis);
    }

    @Override
    public String toString() {
        return port + "@" + receivedMillis + " rx=" + Long.toUnsignedString(rxBytes) + " tx="
                + Long.toUnsignedString(txBytes) + " dur=" + durationNanos;
    }

    /** Builds a {@link PortCounterSample}; unset counters are 0. */
    public static final class Builder {
        private final ConnectPoint port;
        private final long receivedMillis;
        private long rxBytes;
        private long txBytes;
        private long rxPackets;
        private long txPackets;
        private long rxDropped;
        private long txDropped;
        private long rxErrors;
        private long txErrors;
        private long durationNanos = NO_DURATION;

        private Builder(ConnectPoint port, long receivedMillis) {
            this.port = port;
            this.receivedMillis = receivedMillis;
        }

        /** @param rx bytes received, @param tx bytes transmitted; unsigned */
        public Builder bytes(long rx, long tx) {
            this.rxBytes = rx;
            this.txBytes = tx;
            return this;
        }

        /** @param rx packets received, @param tx packets transmitted; unsigned */
        public Builder packets(long rx, long tx) {
            this.rxPackets = rx;
            this.txPackets = tx;
            return this;
        }

        /** @param rx receive drops, @param tx transmit drops; unsigned */
        public Builder dropped(long rx, long tx) {
            this.rxDropped = rx;
            this.txDropped = tx;
            return this;
        }

        /** @param rx receive errors, @param tx transmit errors; unsigned */
        public Builder errors(long rx, long tx) {
            this.rxErrors = rx;
            this.txErrors = tx;
            return this;
        }

        /** @param nanos the port's age per the switch (OpenFlow duration_sec·1e9 + duration_nsec) */
        public Builder durationNanos(long nanos) {
            this.durationNanos = nanos;
            return this;
        }

        /** @return the immutable sample */
        public PortCounterSample build() {
            return new PortCounterSample(this);
        }
    }
}
