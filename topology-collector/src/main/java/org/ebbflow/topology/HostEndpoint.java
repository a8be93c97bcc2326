package org.ebbflow.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A host or container endpoint: the MAC it is known by, its addresses, the switch port it attaches to, the capacity of
 * its access link and free-form labels (tenant, task, workload class).
 */
public final class HostEndpoint {
    /** Label key: the tenant a container belongs to. */
    public static final String LABEL_TENANT = "tenant";
    /** Label key: the task or job a container runs. */
    public static final String LABEL_TASK = "task";
    /** Label key: the workload class that decides how the planner routes its traffic. */
    public static final String LABEL_WORKLOAD_CLASS = "workloadClass";

    private final MacAddress mac;
    private final String name;
    private final List<IpAddress> ips;
    private final ConnectPoint attachment;
    private final long linkBps;
    private final Map<String, String> labels;

    private HostEndpoint(Builder b) {
        this.mac = Objects.requireNonNull(b.mac, "mac");
        this.name = b.name == null ? b.mac.toString() : b.name;
        this.ips = Collections.unmodifiableList(new ArrayList<>(b.ips));
        this.attachment = Objects.requireNonNull(b.attachment, "attachment");
        if (b.linkBps < 0) {
            throw new IllegalArgumentException("negative access link rate for " + name);
        }
        this.linkBps = b.linkBps;
        this.labels = Collections.unmodifiableMap(new TreeMap<>(b.labels));
    }

    /** @return a builder for the host with this MAC attached at {@code attachment} */
    public static Builder builder(MacAddress mac, ConnectPoint attachment) {
        return new Builder(mac, attachment);
    }

    /** @return the MAC address, the host's identity */
    public MacAddress mac() {
        return mac;
    }

    /** @return the host's name; its MAC as text if it has none */
    public String name() {
        return name;
    }

    /** @return its IP addresses, possibly empty, never null */
    public List<IpAddress> ips() {
        return ips;
    }

    /** @return the switch port it attaches to */
    public ConnectPoint attachment() {
        return attachment;
    }

    /** @return the capacity of its access link in bits per second, 0 if unknown */
    public long linkBps() {
        return linkBps;
    }

    /** @return labels sorted by key, possibly empty */
    public Map<String, String> labels() {
        return labels;
    }

    /** @return the label's value, or null if absent */
    public String label(String key) {
        return labels.get(key);
    }

    /** @return a builder initialised with this host's fields */
    public Builder toBuilder() {
        Builder b = new Builder(mac, attachment).name(name).linkBps(linkBps);
        ips.forEach(b::addIp);
        labels.forEach(b::label);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HostEndpoint)) {
            return false;
        }
        HostEndpoint h = (HostEndpoint) o;
        return mac.equals(h.mac) && name.equals(h.name) && ips.equals(h.ips) && attachment.equals(h.attachment)
                && linkBps == h.linkBps && labels.equals(h.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mac, name, ips, attachment, linkBps, labels);
    }

    @Override
    public String toString() {
        return name + "(" + mac + " at " + attachment + ")";
    }

    /** Builds a {@link HostEndpoint}. */
    public static final class Builder {
        private final MacAddress mac;
        private ConnectPoint attachment;
        private String name;
        private final List<IpAddress> ips = new ArrayList<>(1);
        private long linkBps;
        private final Map<String, String> labels = new TreeMap<>();

        private Builder(MacAddress mac, ConnectPoint attachment) {
            this.mac = mac;
            this.attachment = attachment;
        }

        /** @param newName the host's name */
        public Builder name(String newName) {
            this.name = newName;
            return this;
        }

        /** @param newAttachment the port it attaches to */
        public Builder attachment(ConnectPoint newAttachment) {
            this.attachment = newAttachment;
            return this;
        }

        /** @param ip an address, added once */
        public Builder addIp(IpAddress ip) {
            if (!ips.contains(ip)) {
                ips.add(Objects.requireNonNull(ip));
            }
            return this;
        }

        /** @param bps access link capacity in bits per second */
        public Builder linkBps(long bps) {
            this.linkBps = bps;
            return this;
        }

        /** Sets a label; a null value removes it. */
        public Builder label(String key, String value) {
            if (value == null) {
                labels.remove(key);
            } else {
                labels.put(key, value);
            }
            return this;
        }

        /** @return the immutable host */
        public HostEndpoint build() {
            return new HostEndpoint(this);
        }
    }
}
