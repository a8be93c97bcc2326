package org.ebbflow.planner.cycle;

import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;
import org.ebbflow.topology.discovery.TopologyListener;
import org.ebbflow.topology.discovery.TopologyService;

/** A topology service that always answers the same snapshot; state changes are not expected in these tests. */
final class FixedTopology implements TopologyService {
    private final TopologySnapshot snapshot;

    FixedTopology(TopologySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public TopologySnapshot snapshot() {
        return snapshot;
    }

    @Override
    public long version() {
        return snapshot.version();
    }

    @Override
    public void addListener(TopologyListener listener) {
    }

    @Override
    public void removeListener(TopologyListener listener) {
    }

    @Override
    public void setSwitchAsleep(DatapathId dpid, boolean asleep, long atMillis) {
        throw new UnsupportedOperationException("fixed topology");
    }

    @Override
    public void setLinkAsleep(LinkKey key, boolean asleep, long atMillis) {
        throw new UnsupportedOperationException("fixed topology");
    }

    @Override
    public int expire(long nowMillis) {
        return 0;
    }
}
