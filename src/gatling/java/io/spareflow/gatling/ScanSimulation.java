package io.spareflow.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Inbound at a depot over {@code POST /api/scans}: each board arrives unknown, and its RECEIVE (part given) registers
 * it in quarantine with its custody and scan records, as depot-CTU's scanners do it; one transaction per scan. (A
 * depot may not release quarantine, so the simulation needs no data set up and leaves no stock behind.)
 */
public class ScanSimulation extends Simulation {

    private static final String SCAN = """
            {"code":"#{serial}","action":"%s","location":"CTU","clientScanId":"#{serial}-%s","device":"gatling",
             "partNumber":"130103811"}""";

    ScenarioBuilder inbound = scenario("receive unknown boards")
            .feed(Stream.generate(() -> Map.<String, Object>of("serial",
                    "GT" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase())).iterator())
            .exec(http("RECEIVE").post("/api/scans").body(StringBody(SCAN.formatted("RECEIVE", "R"))).check(status().is(200)));

    {
        setUp(inbound.injectClosed(SpareflowLoad.clients())).protocols(SpareflowLoad.api("depot-CTU"))
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
