package org.ebbflow.sim.mininet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of an all-pairs ping.
 *
 * @param sent pings sent (one per ordered host pair)
 * @param received pings answered
 * @param failures the ordered pairs {@code src->dst} that got no answer
 */
public record PingResult(int sent, int received, List<String> failures) {
    /** @return the result of a {@code ping-all} reply */
    public static PingResult of(JsonNode reply) {
        List<String> f = new ArrayList<>();
        for (JsonNode pair : reply.path("failures")) {
            f.add(pair.get(0).asText() + "->" + pair.get(1).asText());
        }
        return new PingResult(reply.path("sent").asInt(), reply.path("received").asInt(), List.copyOf(f));
    }

    /** @return the fraction of pings lost, 0..1 (1 when none was sent) */
    public double loss() {
        return sent == 0 ? 1.0 : (sent - received) / (double) sent;
    }
}
