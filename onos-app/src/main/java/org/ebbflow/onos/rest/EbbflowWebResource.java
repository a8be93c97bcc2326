package org.ebbflow.onos.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebbflow.onos.api.DeclaredDemand;
import org.ebbflow.planner.demand.DemandClass;
import org.ebbflow.onos.api.EbbflowService;
import org.ebbflow.onos.api.LinkForecast;
import org.ebbflow.onos.api.PlanReport;
import org.onosproject.rest.AbstractWebResource;

/**
 * ebbflow's REST API under {@code /onos/ebbflow}: {@code GET status}, {@code GET plan} (the plan in force, 404 before
 * the first), {@code POST plan/dry-run}, {@code GET power}, {@code GET forecasts?limit=N}, {@code GET|PUT demands},
 * {@code GET overrides}, {@code POST overrides/{element}/{sleep|wake|release}}. JSON in and out; bad input is a 400
 * with {@code {"error": ...}}.
 */
@Path("")
public class EbbflowWebResource extends AbstractWebResource {
    private static final String[] POWER_KEYS = {"atMillis", "policy", "switches", "awakeSwitches", "asleepSwitches",
        "wattsBefore", "wattsAfter", "allOnWatts", "savedFraction", "maxLinkUtilisation"};

    /** @return this node's status */
    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        return ok(mapper().valueToTree(get(EbbflowService.class).status().toMap())).build();
    }

    /** @return the plan in force, or 404 */
    @GET
    @Path("plan")
    @Produces(MediaType.APPLICATION_JSON)
    public Response plan() {
        PlanReport r = get(EbbflowService.class).currentPlan();
        if (r == null) {
            return error(Response.Status.NOT_FOUND, "no plan yet");
        }
        return ok(mapper().valueToTree(r.toMap())).build();
    }

    /** @return a dry run of one cycle */
    @POST
    @Path("plan/dry-run")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dryRun() {
        return ok(mapper().valueToTree(get(EbbflowService.class).plan(true).toMap())).build();
    }

    /** @return the power figures of the plan in force, or 404 */
    @GET
    @Path("power")
    @Produces(MediaType.APPLICATION_JSON)
    public Response power() {
        PlanReport r = get(EbbflowService.class).currentPlan();
        if (r == null) {
            return error(Response.Status.NOT_FOUND, "no plan yet");
        }
        ObjectNode n = mapper().createObjectNode();
        Map<String, Object> m = r.toMap();
        for (String k : POWER_KEYS) {
            n.set(k, mapper().valueToTree(m.get(k)));
        }
        return ok(n).build();
    }

    /** @return the last forecast per link, highest forecast utilisation first */
    @GET
    @Path("forecasts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response forecasts(@QueryParam("limit") @DefaultValue("100") int limit) {
        ObjectNode n = mapper().createObjectNode();
        ArrayNode a = n.putArray("forecasts");
        List<LinkForecast> all = get(EbbflowService.class).forecasts();
        for (LinkForecast f : all.subList(0, Math.max(0, Math.min(limit, all.size())))) {
            a.add(mapper().valueToTree(f.toMap()));
        }
        n.put("total", all.size());
        return ok(n).build();
    }

    /** @return the declared demands */
    @GET
    @Path("demands")
    @Produces(MediaType.APPLICATION_JSON)
    public Response demands() {
        ArrayNode a = mapper().createArrayNode();
        for (DeclaredDemand d : get(EbbflowService.class).demands()) {
            a.add(mapper().valueToTree(d.toMap()));
        }
        return ok(mapper().createObjectNode().set("demands", a)).build();
    }

    /**
     * Replaces the declared demands: {@code {"demands": [{"srcMac", "dstMac", "class", "rateBps"}, ...]}}.
     *
     * @return the stored demands, or 400
     */
    @PUT
    @Path("demands")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response putDemands(InputStream body) {
        List<DeclaredDemand> demands = new ArrayList<>();
        try {
            JsonNode n = mapper().readTree(body);
            JsonNode list = n == null ? null : n.get("demands");
            if (list == null || !list.isArray()) {
                return error(Response.Status.BAD_REQUEST, "expected {\"demands\": [...]}");
            }
            for (JsonNode d : list) {
                DeclaredDemand dd = DeclaredDemand.of(d.path("srcMac").asText(null), d.path("dstMac").asText(null),
                        d.path("class").asText(null), d.path("rateBps").asDouble(Double.NaN));
                DemandClass.parse(dd.demandClass());
                demands.add(dd);
            }
        } catch (IOException | IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        get(EbbflowService.class).setDemands(demands);
        return demands();
    }

    /** @return the operator's overrides */
    @GET
    @Path("overrides")
    @Produces(MediaType.APPLICATION_JSON)
    public Response overrides() {
        return ok(mapper().valueToTree(get(EbbflowService.class).overrides())).build();
    }

    /** @return the result of an override: sleep, wake or release */
    @POST
    @Path("overrides/{element}/{action}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response override(@PathParam("element") String element, @PathParam("action") String action) {
        EbbflowService s = get(EbbflowService.class);
        String result;
        try {
            switch (action) {
                case "sleep":
                    result = s.sleep(element);
                    break;
                case "wake":
                    result = s.wake(element);
                    break;
                case "release":
                    result = s.release(element);
                    break;
                default:
                    return error(Response.Status.BAD_REQUEST, "action must be sleep, wake or release");
            }
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        return ok(mapper().createObjectNode().put("result", result)).build();
    }

    private Response error(Response.Status status, String message) {
        return Response.status(status).entity(mapper().createObjectNode().put("error", message))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
