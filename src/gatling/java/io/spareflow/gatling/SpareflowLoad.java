package io.spareflow.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * What the Spareflow simulations share: the service under load ({@code -Dspareflow.url}, default
 * http://localhost:8080 — the default profile started beforehand), the closed-loop load (a number of clients, each
 * sending its next request when the last is answered, like scanners and the hotline do) and its length.
 */
final class SpareflowLoad {

    static final String URL = System.getProperty("spareflow.url", "http://localhost:8080");
    static final int CLIENTS = Integer.getInteger("clients", 16);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("seconds", 60));
    static final String PASSWORD = System.getProperty("spareflow.password", "demo");

    private SpareflowLoad() {
    }

    static HttpProtocolBuilder api(String username) {
        return http.baseUrl(URL).basicAuth(username, PASSWORD)
                .contentTypeHeader("application/json").acceptHeader("application/json").shareConnections();
    }

    static ClosedInjectionStep clients() {
        return constantConcurrentUsers(CLIENTS).during(DURATION);
    }
}
