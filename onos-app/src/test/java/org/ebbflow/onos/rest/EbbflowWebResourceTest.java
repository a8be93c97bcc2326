package org.ebbflow.onos.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebbflow.onos.api.DeclaredDemand;
import org.ebbflow.onos.api.EbbflowService;
import org.ebbflow.onos.api.LinkForecast;
import org.ebbflow.onos.api.StubEbbflowService;
import org.junit.jupiter.api.Test;

/** The REST resource called directly, its service replaced by a stub: status codes, JSON shapes, errors. */
class EbbflowWebResourceTest {
    private final StubEbbflowService service = new StubEbbflowService();
    private final EbbflowWebResource resource = new EbbflowWebResource() {
        @Override
        public <T> T get(Class<T> type) {
            assertEquals(EbbflowService.class, type);
            return type.cast(service);
        }
    };

    private static JsonNode json(Response r) {
        return (JsonNode) r.getEntity();
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statusIsTheServicesMapAsJson() {
        Response r = resource.status();
        assertEquals(200, r.getStatus());
        assertEquals("a", json(r).get("node").asText());
        assertTrue(json(r).get("isLeader").asBoolean());
        assertEquals(1, json(r).get("asleepSwitches").asInt());
    }

    @Test
    void planAndPowerAre404BeforeTheFirstPlanThenReportIt() {
        Response r = resource.plan();
        assertEquals(404, r.getStatus());
        assertEquals("no plan yet", json(r).get("error").asText());
        assertEquals(404, resource.power().getStatus());

        service.current = StubEbbflowService.report("applied");
        r = resource.plan();
        assertEquals(200, r.getStatus());
        assertEquals("applied", json(r).get("outcome").asText());
        assertEquals(2, json(r).get("actions").size());
        // Power: only the power figures, not the actions.
        JsonNode p = json(resource.power());
        assertEquals(310.5, p.get("wattsAfter").asDouble());
        assertEquals(0.22375, p.get("savedFraction").asDouble());
        assertEquals(1, p.get("asleepSwitches").asInt());
        assertFalse(p.has("actions"));
        assertFalse(p.has("outcome"));
        assertEquals(10, p.size());
    }

    @Test
    void dryRunPlansWithoutApplying() {
        JsonNode n = json(resource.dryRun());
        assertEquals("dry-run", n.get("outcome").asText());
        assertEquals(List.of("plan dry=true"), service.calls);
    }

    @Test
    void forecastsAreLimitedAndCounted() {
        for (int i = 0; i < 3; i++) {
            service.forecasts.add(new LinkForecast("of:0000000000000001/" + i + "-of:0000000000000065/1",
                    1_000_000_000L, 1e6 * i, Double.NaN, 2e6 * i));
        }
        JsonNode n = json(resource.forecasts(2));
        assertEquals(3, n.get("total").asInt());
        assertEquals(2, n.get("forecasts").size());
        assertEquals("of:0000000000000001/0-of:0000000000000065/1", n.get("forecasts").get(0).get("link").asText());
        assertTrue(n.get("forecasts").get(0).get("nextMeanBps").isNull(), "NaN becomes null");
        assertEquals(0, json(resource.forecasts(-5)).get("forecasts").size());
        assertEquals(3, json(resource.forecasts(100)).get("forecasts").size());
    }

    @Test
    void demandsAreReplacedAndEchoedNormalised() {
        Response r = resource.putDemands(body("{\"demands\": [{\"srcMac\": \"00:00:00:00:00:0A\", \"dstMac\":"
                + " \"00:00:00:00:00:03\", \"class\": \"Guaranteed\", \"rateBps\": 2.5e8},"
                + " {\"srcMac\": \"00:00:00:00:00:01\", \"dstMac\": \"00:00:00:00:00:02\", \"class\": \"bulk\","
                + " \"rateBps\": 0}]}"));
        assertEquals(200, r.getStatus());
        assertEquals(List.of("setDemands 2"), service.calls);
        JsonNode a = json(r).get("demands");
        assertEquals(2, a.size());
        assertEquals("00:00:00:00:00:0a", a.get(0).get("srcMac").asText());
        assertEquals("guaranteed", a.get(0).get("class").asText());
        assertEquals(2.5e8, a.get(0).get("rateBps").asDouble());
        assertEquals(2, json(resource.demands()).get("demands").size());
    }

    @Test
    void badDemandsAre400AndChangeNothing() {
        List<DeclaredDemand> before = new ArrayList<>(service.demands);
        String[] bad = {
            "not json",
            "{}",
            "{\"demands\": {}}",
            "{\"demands\": [{\"srcMac\": \"nope\", \"dstMac\": \"00:00:00:00:00:02\", \"class\": \"bulk\","
                + " \"rateBps\": 1}]}",
            "{\"demands\": [{\"srcMac\": \"00:00:00:00:00:01\", \"dstMac\": \"00:00:00:00:00:02\","
                + " \"class\": \"bulk\"}]}",
            "{\"demands\": [{\"srcMac\": \"00:00:00:00:00:01\", \"dstMac\": \"00:00:00:00:00:02\","
                + " \"class\": \"gold\", \"rateBps\": 1}]}",
        };
        for (String b : bad) {
            Response r = resource.putDemands(body(b));
            assertEquals(400, r.getStatus(), b);
            assertFalse(json(r).get("error").asText().isEmpty(), b);
        }
        assertTrue(json(resource.putDemands(body(bad[3]))).get("error").asText().contains("srcMac"));
        assertTrue(json(resource.putDemands(body(bad[5]))).get("error").asText().contains("gold"));
        assertEquals(before, service.demands);
        assertFalse(service.calls.stream().anyMatch(c -> c.startsWith("setDemands")), service.calls.toString());
    }

    @Test
    void overridesGoToTheServiceAndBadOnesAre400() {
        Response r = resource.override("of:0000000000000002", "sleep");
        assertEquals(200, r.getStatus());
        assertEquals("of:0000000000000002 pinned asleep", json(r).get("result").asText());
        assertEquals("asleep", json(resource.overrides()).get("of:0000000000000002").asText());
        assertEquals("of:0000000000000002 released",
                json(resource.override("of:0000000000000002", "release")).get("result").asText());
        assertEquals(0, json(resource.overrides()).size());

        r = resource.override("of:0000000000000002", "explode");
        assertEquals(400, r.getStatus());
        assertTrue(json(r).get("error").asText().contains("sleep, wake or release"));
        r = resource.override("spine-7", "wake");
        assertEquals(400, r.getStatus());
        assertEquals("unknown element: spine-7", json(r).get("error").asText());
        assertEquals(List.of("asleep of:0000000000000002", "release of:0000000000000002", "awake spine-7"),
                service.calls);
    }
}
