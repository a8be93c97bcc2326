package org.ebbflow.bench.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.ElementState;
import org.ebbflow.topology.HostEndpoint;
import org.ebbflow.topology.Link;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.PortInfo;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.DiscoveryEvent;
import org.ebbflow.topology.discovery.DiscoveryEventSink;
import org.ebbflow.topology.discovery.TopologyService;

/**
 * A deterministic burst of topology changes for a fabric: discovery events plus ebbflow's own sleep records, as a
 * controller would deliver them during churn. The mix is made of episodes, each a change and the step that undoes it,
 * interleaved at random with a bounded number open at once:
 *
 * <ul>
 *   <li>{@link Episode#PORT_FLAP}: a port loses carrier, then regains it ({@code linkUp} false, then true);</li>
 *   <li>{@link Episode#LINK_FLAP}: a directed link vanishes, then is rediscovered with its capacity;</li>
 *   <li>{@link Episode#SWITCH_FLAP}: an edge switch (one with hosts) disconnects, then reconnects with its ports;</li>
 *   <li>{@link Episode#HOST_MOVE}: a host is seen at another edge port that has no link, then back at its own;</li>
 *   <li>{@link Episode#HOST_FLAP}: a host vanishes, then is seen again;</li>
 *   <li>{@link Episode#SWITCH_SLEEP}: ebbflow puts a switch to sleep, then wakes it;</li>
 *   <li>{@link Episode#LINK_SLEEP}: ebbflow puts one direction of a link to sleep, then wakes it.</li>
 * </ul>
 *
 * <p>Two open episodes never act on the same element of the same kind (port, link, switch, host), and every undo
 * step sets its element back to how the fabric describes it, so applying the whole mix to a
 * {@link org.ebbflow.topology.discovery.TopologyManager} fed {@code DiscoveryEvents.describe(fabric, 0)} leaves it
 * with the same switches, ports, links and hosts in the same states: the mix can be applied again and again and each
 * application does the same work. A step's time is its position in the mix; nothing in the mix calls {@code expire},
 * so the times only label the events.
 */
public final class EventMix {
    /** The number of steps in the benchmarked mix. */
    public static final int DEFAULT_SIZE = 10_000;
    /** The seed of the benchmarked mix. */
    public static final long DEFAULT_SEED = 20_261_123L;
    /** At most this many episodes are open (changed and not yet undone) at any point of the mix. */
    public static final int MAX_OPEN = 64;

    /** A change and its undo. The weights (out of 100) say how often each is picked. */
    public enum Episode {
        /** Port carrier lost and regained. */
        PORT_FLAP(20),
        /** Directed link vanished and rediscovered. */
        LINK_FLAP(20),
        /** Edge switch disconnected and reconnected. */
        SWITCH_FLAP(5),
        /** Host moved to a free edge port and back. */
        HOST_MOVE(20),
        /** Host vanished and seen again. */
        HOST_FLAP(10),
        /** Switch put to sleep and woken. */
        SWITCH_SLEEP(10),
        /** Directed link put to sleep and woken. */
        LINK_SLEEP(15);

        private final int weight;

        Episode(int weight) {
            this.weight = weight;
        }

        /** @return how often the episode is picked, out of the sum of all weights (100) */
        public int weight() {
            return weight;
        }
    }

    /** Receives the steps of a mix: a {@link TopologyService} that is also a {@link DiscoveryEventSink}, or a stub. */
    public interface Target {
        /** Receives a discovery event. */
        void accept(DiscoveryEvent event);

        /** Receives a switch sleep record, as {@link TopologyService#setSwitchAsleep}. */
        void setSwitchAsleep(DatapathId dpid, boolean asleep, long atMillis);

        /** Receives a link sleep record, as {@link TopologyService#setLinkAsleep}. */
        void setLinkAsleep(LinkKey key, boolean asleep, long atMillis);

        /**
         * @param sink where discovery events go
         * @param service where sleep records go; a {@code TopologyManager} is both
         * @return a target that forwards each step
         */
        static Target of(DiscoveryEventSink sink, TopologyService service) {
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(service, "service");
            return new Target() {
                @Override
                public void accept(DiscoveryEvent event) {
                    sink.accept(event);
                }

                @Override
                public void setSwitchAsleep(DatapathId dpid, boolean asleep, long atMillis) {
                    service.setSwitchAsleep(dpid, asleep, atMillis);
                }

                @Override
                public void setLinkAsleep(LinkKey key, boolean asleep, long atMillis) {
                    service.setLinkAsleep(key, asleep, atMillis);
                }
            };
        }
    }

    /**
     * One step of a mix: a discovery event ({@code event} set) or a sleep record ({@code dpid} or {@code link} set).
     *
     * @param event the discovery event, or null for a sleep record
     * @param dpid the switch of a switch sleep record, else null
     * @param link the directed link of a link sleep record, else null
     * @param asleep true to put to sleep, false to wake (sleep records only)
     * @param atMillis when, on the discovery clock
     */
    public record Step(DiscoveryEvent event, DatapathId dpid, LinkKey link, boolean asleep, long atMillis) {
        /** Hands the step to a target. */
        public void applyTo(Target target) {
            if (event != null) {
                target.accept(event);
            } else if (dpid != null) {
                target.setSwitchAsleep(dpid, asleep, atMillis);
            } else {
                target.setLinkAsleep(link, asleep, atMillis);
            }
        }
    }

    private final List<Step> steps;
    private final Map<Episode, Integer> episodes;

    private EventMix(List<Step> steps, Map<Episode, Integer> episodes) {
        this.steps = Collections.unmodifiableList(steps);
        this.episodes = Collections.unmodifiableMap(episodes);
    }

    /** @return the mix of {@link #DEFAULT_SIZE} steps from {@link #DEFAULT_SEED} */
    public static EventMix generate(TopologySnapshot fabric) {
        return generate(fabric, DEFAULT_SIZE, DEFAULT_SEED);
    }

    /**
     * @param fabric the network the mix acts on; it needs hosts and at least one active link
     * @param size the number of steps, even and positive
     * @param seed the seed of the {@link SplittableRandom}: the same fabric, size and seed give the same mix
     * @return the mix
     * @throws IllegalArgumentException if the size is odd or not positive, or the fabric has no hosts or no links
     */
    public static EventMix generate(TopologySnapshot fabric, int size, long seed) {
        if (size <= 0 || size % 2 != 0) {
            throw new IllegalArgumentException("size must be even and positive: " + size);
        }
        return new Generator(fabric, seed).run(size);
    }

    /** @return the steps in the order they are applied, unmodifiable */
    public List<Step> steps() {
        return steps;
    }

    /** @return the number of steps */
    public int size() {
        return steps.size();
    }

    /** @return how many episodes of each kind the mix holds (each is two steps) */
    public Map<Episode, Integer> episodes() {
        return episodes;
    }

    /** Applies every step, in order, to the target. */
    public void applyTo(Target target) {
        for (int i = 0, n = steps.size(); i < n; i++) {
            steps.get(i).applyTo(target);
        }
    }

    /** Builds one mix; holds the fabric's elements by kind and the elements that open episodes occupy. */
    private static final class Generator {
        private final TopologySnapshot fabric;
        private final SplittableRandom random;
        private final List<PortInfo> ports = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<Integer> edgeSwitches = new ArrayList<>();
        private final List<ConnectPoint> freeEdgePorts = new ArrayList<>();
        private final Set<Object> busy = new HashSet<>();
        private final List<Step> steps = new ArrayList<>();
        private final List<Open> open = new ArrayList<>();
        private final Map<Episode, Integer> counts = new EnumMap<>(Episode.class);

        /** An episode whose undo step is still to come. */
        private static final class Open {
            final Object element;
            final LongFunction<Step> undo;

            Open(Object element, LongFunction<Step> undo) {
                this.element = element;
                this.undo = undo;
            }
        }

        Generator(TopologySnapshot fabric, long seed) {
            this.fabric = fabric;
            this.random = new SplittableRandom(seed);
            Set<ConnectPoint> linked = new HashSet<>();
            for (int l = 0; l < fabric.linkCount(); l++) {
                Link link = fabric.link(l);
                linked.add(link.src());
                linked.add(link.dst());
                if (link.state() == ElementState.ACTIVE) {
                    links.add(link);
                }
            }
            for (int s = 0; s < fabric.switchCount(); s++) {
                boolean hasHosts = fabric.hostsAt(s).length > 0;
                if (hasHosts) {
                    edgeSwitches.add(s);
                }
                for (PortInfo p : fabric.portsOf(s)) {
                    if (fabric.portState(p.connectPoint()) == ElementState.ACTIVE) {
                        ports.add(p);
                        if (hasHosts && !linked.contains(p.connectPoint())) {
                            freeEdgePorts.add(p.connectPoint());
                        }
                    }
                }
            }
            if (fabric.hostCount() == 0 || links.isEmpty() || freeEdgePorts.isEmpty()) {
                throw new IllegalArgumentException("the fabric needs hosts, free edge ports and active links: "
                        + fabric);
            }
            for (Episode e : Episode.values()) {
                counts.put(e, 0);
            }
        }

        EventMix run(int size) {
            while (steps.size() < size) {
                int remaining = size - steps.size();
                boolean mayOpen = open.size() < MAX_OPEN && remaining >= open.size() + 2;
                if (mayOpen && (open.isEmpty() || random.nextBoolean()) && tryOpen()) {
                    continue;
                }
                if (open.isEmpty()) {
                    throw new IllegalStateException("no free element found for a new episode in " + fabric);
                }
                Open o = open.remove(random.nextInt(open.size()));
                busy.remove(o.element);
                steps.add(o.undo.apply(steps.size()));
            }
            return new EventMix(steps, counts);
        }

        /** Opens an episode on a free element; false if the few elements tried were all busy. */
        private boolean tryOpen() {
            Episode episode = pickEpisode();
            for (int attempt = 0; attempt < 8; attempt++) {
                if (tryOpen(episode)) {
                    counts.merge(episode, 1, Integer::sum);
                    return true;
                }
            }
            return false;
        }

        private Episode pickEpisode() {
            int r = random.nextInt(100);
            for (Episode e : Episode.values()) {
                r -= e.weight();
                if (r < 0) {
                    return e;
                }
            }
            throw new AssertionError("weights do not add up to 100");
        }

        private boolean tryOpen(Episode episode) {
            switch (episode) {
                case PORT_FLAP: {
                    PortInfo p = ports.get(random.nextInt(ports.size()));
                    PortInfo down = p.withStatus(true, false);
                    return open(p.connectPoint(), at -> event(DiscoveryEvent.portChanged(down, at)),
                            at -> event(DiscoveryEvent.portChanged(p, at)));
                }
                case LINK_FLAP: {
                    Link l = links.get(random.nextInt(links.size()));
                    return open(l.key(), at -> event(DiscoveryEvent.linkVanished(l.key(), at)),
                            at -> event(DiscoveryEvent.linkDiscovered(l.key(), l.capacityBps(), at)));
                }
                case SWITCH_FLAP: {
                    int s = edgeSwitches.get(random.nextInt(edgeSwitches.size()));
                    DatapathId dpid = fabric.switchAt(s).dpid();
                    return open(dpid, at -> event(DiscoveryEvent.switchDisconnected(dpid, at)),
                            at -> event(DiscoveryEvent.switchConnected(fabric.switchAt(s), fabric.portsOf(s), at)));
                }
                case HOST_MOVE: {
                    HostEndpoint h = fabric.host(random.nextInt(fabric.hostCount()));
                    ConnectPoint to = freeEdgePorts.get(random.nextInt(freeEdgePorts.size()));
                    if (to.equals(h.attachment())) {
                        return false;
                    }
                    HostEndpoint moved = h.toBuilder().attachment(to).build();
                    return open(h.mac(), at -> event(DiscoveryEvent.hostSeen(moved, at)),
                            at -> event(DiscoveryEvent.hostSeen(h, at)));
                }
                case HOST_FLAP: {
                    HostEndpoint h = fabric.host(random.nextInt(fabric.hostCount()));
                    return open(h.mac(), at -> event(DiscoveryEvent.hostVanished(h.mac(), at)),
                            at -> event(DiscoveryEvent.hostSeen(h, at)));
                }
                case SWITCH_SLEEP: {
                    DatapathId dpid = fabric.switchAt(random.nextInt(fabric.switchCount())).dpid();
                    return open(dpid, at -> new Step(null, dpid, null, true, at),
                            at -> new Step(null, dpid, null, false, at));
                }
                case LINK_SLEEP: {
                    LinkKey key = links.get(random.nextInt(links.size())).key();
                    return open(key, at -> new Step(null, null, key, true, at),
                            at -> new Step(null, null, key, false, at));
                }
                default:
                    throw new IllegalStateException("unhandled episode " + episode);
            }
        }

        /**
         * Starts an episode on an element unless an open one holds it; each step is made with its position in the
         * mix as its time.
         */
        private boolean open(Object element, LongFunction<Step> change, LongFunction<Step> undo) {
            if (!busy.add(element)) {
                return false;
            }
            steps.add(change.apply(steps.size()));
            open.add(new Open(element, undo));
            return true;
        }

        private static Step event(DiscoveryEvent e) {
            return new Step(e, null, null, false, e.atMillis());
        }
    }
}
