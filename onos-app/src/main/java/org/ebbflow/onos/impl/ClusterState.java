package org.ebbflow.onos.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ebbflow.onos.api.DeclaredDemand;
import org.ebbflow.onos.api.PlanReport;
import org.ebbflow.planner.policy.PolicyMemory;
import org.ebbflow.topology.ConnectPoint;
import org.ebbflow.topology.DatapathId;
import org.ebbflow.topology.LinkKey;
import org.ebbflow.topology.TopologySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must survive a change of leader, in one cluster-wide map of strings (an ONOS ConsistentMap in production):
 * the sleeping switches and cables ({@code sleep/<element>}), the operator's overrides ({@code pin/<element>}), the
 * policy memory ({@code memory}: when each element last changed state, for the minimum dwell), the current plan's
 * report ({@code plan}) and the declared demands ({@code demands}). Values are JSON written and read by this class
 * alone, so the map needs no custom serializer and nothing is Java-deserialized. Entries that do not parse are
 * logged and ignored.
 */
final class ClusterState {
    static final String PIN_ASLEEP = "asleep";
    static final String PIN_AWAKE = "awake";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterState.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLEEP = "sleep/";
    private static final String PIN = "pin/";
    private static final String MEMORY = "memory";
    private static final String PLAN = "plan";
    private static final String DEMANDS = "demands";

    private final Map<String, String> map;

    /** @param map the cluster-wide map (a ConsistentMap's {@code asJavaMap()}) */
    ClusterState(Map<String, String> map) {
        this.map = map;
    }

    /** @return sleeping elements by name, sorted */
    Map<String, SleepRecord> sleeping() {
        Map<String, SleepRecord> out = new TreeMap<>();
        for (Map.Entry<String, String> e : entries(SLEEP).entrySet()) {
            SleepRecord r = parseSleep(e.getKey(), e.getValue());
            if (r != null) {
                out.put(r.element(), r);
            }
        }
        return out;
    }

    void putSleeping(SleepRecord r) {
        map.put(SLEEP + r.element(), write(r.toMap()));
    }

    void removeSleeping(String element) {
        map.remove(SLEEP + element);
    }

    /** @return the operator's overrides: element to {@link #PIN_ASLEEP} or {@link #PIN_AWAKE}, sorted */
    Map<String, String> pins() {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : entries(PIN).entrySet()) {
            out.put(e.getKey().substring(PIN.length()), e.getValue());
        }
        return out;
    }

    void pin(String element, String state) {
        map.put(PIN + element, state);
    }

    /** @return true if there was a pin */
    boolean unpin(String element) {
        return map.remove(PIN + element) != null;
    }

    /** @return the stored policy memory, empty if none */
    PolicyMemory memory() {
        String v = map.get(MEMORY);
        PolicyMemory.Builder b = PolicyMemory.empty().toBuilder();
        if (v == null) {
            return b.build();
        }
        try {
            JsonNode n = JSON.readTree(v);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("switches").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                b.switchChanged(OnosNames.parseDevice(e.getKey()), e.getValue().asLong());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("cables").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                b.cableChanged(OnosNames.parseLink(e.getKey()), e.getValue().asLong());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable policy memory in the cluster store: {}", e.getMessage());
        }
        return b.build();
    }

    /** Stores a policy memory, reading its entries for the snapshot's switches and cables. O(S + L). */
    void putMemory(PolicyMemory memory, TopologySnapshot t) {
        Map<String, Long> switches = new TreeMap<>();
        for (int s = 0; s < t.switchCount(); s++) {
            DatapathId d = t.switchAt(s).dpid();
            long at = memory.switchChangedAt(d);
            if (at != PolicyMemory.NEVER) {
                switches.put(OnosNames.name(d), at);
            }
        }
        Map<String, Long> cables = new TreeMap<>();
        for (int l = 0; l < t.linkCount(); l++) {
            LinkKey k = PolicyMemory.cableKey(t.link(l).key());
            long at = memory.cableChangedAt(k);
            if (at != PolicyMemory.NEVER) {
                cables.put(OnosNames.name(k), at);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("switches", switches);
        m.put("cables", cables);
        map.put(MEMORY, write(m));
    }

    /** @return the last plan's report, or null */
    PlanReport plan() {
        String v = map.get(PLAN);
        if (v == null) {
            return null;
        }
        try {
            Map<String, Object> m = JSON.readValue(v, new TypeReference<LinkedHashMap<String, Object>>() { });
            return PlanReport.of(m);
        } catch (IOException e) {
            LOG.warn("ignoring unreadable plan in the cluster store: {}", e.getMessage());
            return null;
        }
    }

    void putPlan(PlanReport report) {
        map.put(PLAN, write(report.toMap()));
    }

    /** @return the declared demands */
    List<DeclaredDemand> demands() {
        String v = map.get(DEMANDS);
        if (v == null) {
            return Collections.emptyList();
        }
        List<DeclaredDemand> out = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(v)) {
                out.add(DeclaredDemand.of(n.path("srcMac").asText(), n.path("dstMac").asText(),
                        n.path("class").asText(), n.path("rateBps").asDouble()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable demands in the cluster store: {}", e.getMessage());
            return Collections.emptyList();
        }
        return out;
    }

    void putDemands(List<DeclaredDemand> demands) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (DeclaredDemand d : demands) {
            l.add(d.toMap());
        }
        map.put(DEMANDS, write(l));
    }

    private Map<String, String> entries(String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static SleepRecord parseSleep(String key, String value) {
        try {
            JsonNode n = JSON.readTree(value);
            List<ConnectPoint> ports = new ArrayList<>();
            for (JsonNode p : n.path("ports")) {
                ports.add(OnosNames.parseConnectPoint(p.asText()));
            }
            Map<LinkKey, Long> links = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("links").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                links.put(OnosNames.parseLink(e.getKey()), e.getValue().asLong());
            }
            SleepRecord.Origin origin = "operator".equals(n.path("origin").asText())
                    ? SleepRecord.Origin.OPERATOR : SleepRecord.Origin.PLANNER;
            return new SleepRecord(n.path("element").asText(), "switch".equals(n.path("kind").asText()), origin,
                    ports, links, n.path("sinceMillis").asLong());
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable sleep record {} in the cluster store: {}", key, e.getMessage());
            return null;
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
