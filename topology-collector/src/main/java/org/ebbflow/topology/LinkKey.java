package org.ebbflow.topology;

import java.util.Objects;

/** The identity of a directed switch-to-switch link: its source and destination ports. */
public final class LinkKey implements Comparable<LinkKey> {
    private final ConnectPoint src;
    private final ConnectPoint dst;

    private LinkKey(ConnectPoint src, ConnectPoint dst) {
        this.src = Objects.requireNonNull(src, "src");
        this.dst = Objects.requireNonNull(dst, "dst");
    }

    /** @throws IllegalArgumentException if source and destination are the same port */
    public static LinkKey of(ConnectPoint src, ConnectPoint dst) {
        if (src.equals(dst)) {
            throw new IllegalArgumentException("a link cannot start and end at the same port: " + src);
        }
        return new LinkKey(src, dst);
    }

    /** @return the port the link leaves from */
    public ConnectPoint src() {
        return src;
    }

    /** @return the port the link arrives at */
    public ConnectPoint dst() {
        return dst;
    }

    /** @return the same link in the other direction */
    public LinkKey reverse() {
        return new LinkKey(dst, src);
    }

    @Override
    public int compareTo(LinkKey o) {
        int c = src.compareTo(o.src);
        return c != 0 ? c : dst.compareTo(o.dst);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LinkKey)) {
            return false;
        }
        LinkKey that = (LinkKey) o;
        return src.equals(that.src) && dst.equals(that.dst);
    }

    @Override
    public int hashCode() {
        return src.hashCode() * 31 + dst.hashCode();
    }

    @Override
    public String toString() {
        return src + "->" + dst;
    }
}
