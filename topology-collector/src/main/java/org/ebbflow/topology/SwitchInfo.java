package org.ebbflow.topology;

import java.util.Objects;

/** What is known about a switch independent of its state: identity, name, role, size and power model. */
public final class SwitchInfo {
    /** The power-model key used when a topology names none. */
    public static final String DEFAULT_POWER_MODEL = "generic-48p";

    private final DatapathId dpid;
    private final String name;
    private final SwitchRole role;
    private final int portCount;
    private final String powerModelKey;
    private final int pod;

    private SwitchInfo(Builder b) {
        this.dpid = Objects.requireNonNull(b.dpid, "dpid");
        this.name = Objects.requireNonNull(b.name, "name");
        this.role = Objects.requireNonNull(b.role, "role");
        this.portCount = b.portCount;
        this.powerModelKey = Objects.requireNonNull(b.powerModelKey, "powerModelKey");
        this.pod = b.pod;
        if (portCount < 0) {
            throw new IllegalArgumentException("negative port count for " + name);
        }
    }

    /** @return a builder for a switch with the given id and name, role {@link SwitchRole#OTHER} */
    public static Builder builder(DatapathId dpid, String name) {
        return new Builder(dpid, name);
    }

    /** @return the datapath id */
    public DatapathId dpid() {
        return dpid;
    }

    /** @return the deterministic human name, such as {@code e0_1} or a Topology Zoo label */
    public String name() {
        return name;
    }

    /** @return the tier the switch belongs to */
    public SwitchRole role() {
        return role;
    }

    /** @return the number of physical ports the switch has (used or not) */
    public int portCount() {
        return portCount;
    }

    /** @return the key that selects this switch's power model in the planner's configuration */
    public String powerModelKey() {
        return powerModelKey;
    }

    /** @return the fat-tree pod the switch belongs to, or -1 for core switches and other topologies */
    public int pod() {
        return pod;
    }

    /** @return a builder initialised with this switch's fields */
    public Builder toBuilder() {
        return new Builder(dpid, name).role(role).portCount(portCount).powerModelKey(powerModelKey).pod(pod);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SwitchInfo)) {
            return false;
        }
        SwitchInfo s = (SwitchInfo) o;
        return dpid.equals(s.dpid) && name.equals(s.name) && role == s.role && portCount == s.portCount
                && powerModelKey.equals(s.powerModelKey) && pod == s.pod;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpid, name, role, portCount, powerModelKey, pod);
    }

    @Override
    public String toString() {
        return name + "(" + dpid + ", " + role + ", " + portCount + " ports)";
    }

    /** Builds a {@link SwitchInfo}. */
    public static final class Builder {
        private final DatapathId dpid;
        private final String name;
        private SwitchRole role = SwitchRole.OTHER;
        private int portCount;
        private String powerModelKey = DEFAULT_POWER_MODEL;
        private int pod = -1;

        private Builder(DatapathId dpid, String name) {
            this.dpid = dpid;
            this.name = name;
        }

        /** @param role the switch's tier */
        public Builder role(SwitchRole role) {
            this.role = role;
            return this;
        }

        /** @param portCount the number of physical ports */
        public Builder portCount(int portCount) {
            this.portCount = portCount;
            return this;
        }

        /** @param powerModelKey the key of the switch's power model */
        public Builder powerModelKey(String powerModelKey) {
            this.powerModelKey = powerModelKey;
            return this;
        }

        /** @param pod the fat-tree pod, or -1 */
        public Builder pod(int pod) {
            this.pod = pod;
            return this;
        }

        /** @return the immutable switch */
        public SwitchInfo build() {
            return new SwitchInfo(this);
        }
    }
}
