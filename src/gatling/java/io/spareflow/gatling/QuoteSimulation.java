package io.spareflow.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Spare quotes over {@code POST /api/sourcing/quotes}, as the hotline asks them: a catalogue part, a point in the
 * demo network's area (eastern and central China), the GOLD tier. Nothing is reserved, so the data stays as it is.
 */
public class QuoteSimulation extends Simulation {

    private static final List<String> PARTS = List.of("130103811", "130103801", "130104205");

    ScenarioBuilder hotline = scenario("quote")
            .feed(Stream.generate(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                return Map.<String, Object>of("part", PARTS.get(random.nextInt(PARTS.size())),
                        "lat", 22 + random.nextDouble() * 18, "lon", 103 + random.nextDouble() * 18);
            }).iterator())
            .exec(http("quote").post("/api/sourcing/quotes")
                    .body(StringBody("{\"partNumber\":\"#{part}\",\"lat\":#{lat},\"lon\":#{lon},\"tier\":\"GOLD\"}"))
                    .check(status().is(200)));

    {
        setUp(hotline.injectClosed(SpareflowLoad.clients())).protocols(SpareflowLoad.api("agent"))
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
