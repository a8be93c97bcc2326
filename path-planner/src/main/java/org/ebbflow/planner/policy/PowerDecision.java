package org.ebbflow.planner.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.ebbflow.planner.power.PowerStates;
import org.ebbflow.topology.TopologySnapshot;

/**
 * A policy's verdict for every switch and cable of one snapshot ({@link ElementDirective}), with a reason for each
 * element it requires or holds, and the wake lead time it covered. Immutable.
 *
 * <p>Consistency the builder enforces: a required cable's two switches are required; nothing changes an
 * {@link ElementDirective#UNAVAILABLE} element; {@link ElementDirective#REQUIRED} wins over the others.
 */
public final class PowerDecision {
    private static final ElementDirective[] DIRECTIVES = ElementDirective.values();

    private final String policy;
    private final TopologySnapshot topology;
    private final byte[] switchDirective;
    private final byte[] linkDirective;
    private final Map<Integer, String> switchReason;
    private final Map<Integer, String> linkReason;
    private final long leadMillis;

    private PowerDecision(Builder b) {
        this.policy = b.policy;
        this.topology = b.topology;
        this.switchDirective = b.switchDirective.clone();
        this.linkDirective = b.linkDirective.clone();
        this.switchReason = Collections.unmodifiableMap(new HashMap<>(b.switchReason));
        this.linkReason = Collections.unmodifiableMap(new HashMap<>(b.linkReason));
        this.leadMillis = b.leadMillis;
    }

    /**
     * @param topology the snapshot
     * @param policy the deciding policy's name
     * @return a builder with every available element {@link ElementDirective#OPTIONAL} and the others
     *     {@link ElementDirective#UNAVAILABLE}
     */
    public static Builder builder(TopologySnapshot topology, String policy) {
        return new Builder(topology, policy);
    }

    /** @return the deciding policy's name */
    public String policy() {
        return policy;
    }

    /** @return the snapshot */
    public TopologySnapshot topology() {
        return topology;
    }

    /** @return the directive for switch {@code s} */
    public ElementDirective switchDirective(int s) {
        return DIRECTIVES[switchDirective[s]];
    }

    /** @return the directive for the cable of link {@code l} */
    public ElementDirective linkDirective(int l) {
        return DIRECTIVES[linkDirective[l]];
    }

    /** @return why switch {@code s} is required or held, or null if it is neither */
    public String switchReason(int s) {
        return switchReason.get(s);
    }

    /** @return why the cable of link {@code l} is required or held, or null */
    public String linkReason(int l) {
        String r = linkReason.get(l);
        int rev = topology.reverseLink(l);
        return r != null || rev < 0 ? r : linkReason.get(rev);
    }

    /** @return the window the policy's forecast covered, milliseconds (0 if it used none) */
    public long leadMillis() {
        return leadMillis;
    }

    /** @return how many switches have the directive */
    public int switchCount(ElementDirective d) {
        int n = 0;
        for (byte b : switchDirective) {
            n += b == d.ordinal() ? 1 : 0;
        }
        return n;
    }

    /** @return the states with exactly the required elements awake (others asleep, unavailable ones unchanged) */
    public PowerStates requiredStates(PowerStates current) {
        PowerStates.Builder b = current.toBuilder();
        for (int s = 0; s < switchDirective.length; s++) {
            if (switchDirective[s] != ElementDirective.UNAVAILABLE.ordinal()) {
                b.switchAwake(s, switchDirective[s] == ElementDirective.REQUIRED.ordinal());
            }
        }
        for (int l = 0; l < linkDirective.length; l++) {
            if (linkDirective[l] != ElementDirective.UNAVAILABLE.ordinal()) {
                b.linkAwake(l, linkDirective[l] == ElementDirective.REQUIRED.ordinal());
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "PowerDecision{" + policy + ": " + switchCount(ElementDirective.REQUIRED) + " switches required, "
                + switchCount(ElementDirective.OPTIONAL) + " optional, " + switchCount(ElementDirective.HELD_ASLEEP)
                + " held asleep, lead " + leadMillis + " ms}";
    }

    /** Sets directives with the precedence rules of {@link PowerDecision}. */
    public static final class Builder {
        private final TopologySnapshot topology;
        private final String policy;
        private final byte[] switchDirective;
        private final byte[] linkDirective;
        private final Map<Integer, String> switchReason = new HashMap<>();
        private final Map<Integer, String> linkReason = new HashMap<>();
        private long leadMillis;

        private Builder(TopologySnapshot topology, String policy) {
            this.topology = Objects.requireNonNull(topology, "topology");
            this.policy = Objects.requireNonNull(policy, "policy");
            switchDirective = new byte[topology.switchCount()];
            linkDirective = new byte[topology.linkCount()];
            for (int s = 0; s < switchDirective.length; s++) {
                switchDirective[s] = (byte) (PowerStates.isSwitchAvailable(topology, s)
                        ? ElementDirective.OPTIONAL : ElementDirective.UNAVAILABLE).ordinal();
            }
            for (int l = 0; l < linkDirective.length; l++) {
                linkDirective[l] = (byte) (PowerStates.isLinkAvailable(topology, l)
                        ? ElementDirective.OPTIONAL : ElementDirective.UNAVAILABLE).ordinal();
            }
        }

        /** @return the current directive of switch {@code s} */
        public ElementDirective switchDirective(int s) {
            return DIRECTIVES[switchDirective[s]];
        }

        /** @return the current directive of link {@code l} */
        public ElementDirective linkDirective(int l) {
            return DIRECTIVES[linkDirective[l]];
        }

        /** Requires switch {@code s} awake (unless unavailable); the first reason given is kept. */
        public Builder requireSwitch(int s, String reason) {
            if (switchDirective[s] != ElementDirective.UNAVAILABLE.ordinal()
                    && switchDirective[s] != ElementDirective.REQUIRED.ordinal()) {
                switchDirective[s] = (byte) ElementDirective.REQUIRED.ordinal();
                switchReason.put(s, reason);
            }
            return this;
        }

        /** Requires the cable of link {@code l} and both its switches awake (unless unavailable). */
        public Builder requireLink(int l, String reason) {
            if (linkDirective[l] == ElementDirective.UNAVAILABLE.ordinal()) {
                return this;
            }
            setLink(l, ElementDirective.REQUIRED, reason);
            String end = "end of a required link: " + reason;
            requireSwitch(topology.linkSrc(l), end);
            requireSwitch(topology.linkDst(l), end);
            return this;
        }

        /** Holds switch {@code s} asleep if it is optional now. */
        public Builder holdSwitch(int s, String reason) {
            if (switchDirective[s] == ElementDirective.OPTIONAL.ordinal()) {
                switchDirective[s] = (byte) ElementDirective.HELD_ASLEEP.ordinal();
                switchReason.put(s, reason);
            }
            return this;
        }

        /** Holds the cable of link {@code l} asleep if it is optional now. */
        public Builder holdLink(int l, String reason) {
            if (linkDirective[l] == ElementDirective.OPTIONAL.ordinal()) {
                setLink(l, ElementDirective.HELD_ASLEEP, reason);
            }
            return this;
        }

        private void setLink(int l, ElementDirective d, String reason) {
            if (linkDirective[l] != d.ordinal()) {
                linkReason.put(l, reason);
            }
            linkDirective[l] = (byte) d.ordinal();
            int r = topology.reverseLink(l);
            if (r >= 0 && linkDirective[r] != ElementDirective.UNAVAILABLE.ordinal()) {
                linkDirective[r] = (byte) d.ordinal();
            }
        }

        /** @param millis the window the forecast covered */
        public Builder leadMillis(long millis) {
            this.leadMillis = millis;
            return this;
        }

        /** @return the decision */
        public PowerDecision build() {
            return new PowerDecision(this);
        }
    }
}
