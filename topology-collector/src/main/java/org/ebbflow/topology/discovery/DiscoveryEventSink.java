package org.ebbflow.topology.discovery;

/** The one interface through which a controller reports what it discovered. Implementations are thread-safe. */
public interface DiscoveryEventSink {
    /**
     * Applies one discovery event. Events about unknown switches or ports are ignored (and logged at debug level),
     * never thrown, because discovery races are normal.
     *
     * @param event the event, not null
     */
    void accept(DiscoveryEvent event);
}
