package org.ebbflow.topology;

import java.util.Objects;

/** A directed switch-to-switch link with its capacity and state. */
public final class Link {
    private final LinkKey key;
    private final long capacityBps;
    private final ElementState state;

    private Link(LinkKey key, long capacityBps, ElementState state) {
        this.key = Objects.requireNonNull(key, "key");
        this.state = Objects.requireNonNull(state, "state");
        if (capacityBps <= 0) {
            throw new IllegalArgumentException("link capacity must be positive: " + key + " " + capacityBps);
        }
        this.capacityBps = capacityBps;
    }

    /**
     * @param key source and destination ports
     * @param capacityBps capacity in bits per second, positive
     * @param state whether the link is usable, and if not why
     */
    public static Link of(LinkKey key, long capacityBps, ElementState state) {
        return new Link(key, capacityBps, state);
    }

    /** @return an active link from {@code src} to {@code dst} */
    public static Link active(ConnectPoint src, ConnectPoint dst, long capacityBps) {
        return new Link(LinkKey.of(src, dst), capacityBps, ElementState.ACTIVE);
    }

    /** @return source and destination ports */
    public LinkKey key() {
        return key;
    }

    /** @return the source port */
    public ConnectPoint src() {
        return key.src();
    }

    /** @return the destination port */
    public ConnectPoint dst() {
        return key.dst();
    }

    /** @return capacity in bits per second */
    public long capacityBps() {
        return capacityBps;
    }

    /** @return whether the link is usable, and if not why */
    public ElementState state() {
        return state;
    }

    /** @return the same link in another state */
    public Link withState(ElementState newState) {
        return newState == state ? this : new Link(key, capacityBps, newState);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Link)) {
            return false;
        }
        Link l = (Link) o;
        return key.equals(l.key) && capacityBps == l.capacityBps && state == l.state;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, capacityBps, state);
    }

    @Override
    public String toString() {
        return key + " " + capacityBps + " bps " + state;
    }
}
