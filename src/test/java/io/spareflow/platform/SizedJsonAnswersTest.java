package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** JSON answers, problems included, go out with their length in one piece, not chunked. */
@SpareflowIntegrationTest
class SizedJsonAnswersTest {

    @LocalServerPort
    int port;
    @Autowired
    Customers customers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aJsonAnswerCarriesItsLength() throws Exception {
        long site = customers.all().stream().flatMap(c -> c.sites().stream()).findFirst().orElseThrow().id();

        HttpResponse<byte[]> answer = quote("{\"partNumber\":\"130103811\",\"siteId\":" + site + "}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.body().length).isGreaterThan(100);
        assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(answer.body().length);
        assertThat(answer.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void soDoesAProblem() throws Exception {
        HttpResponse<byte[]> problem = quote("{\"partNumber\":");

        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.headers().firstValueAsLong("Content-Length")).hasValue(problem.body().length);
        assertThat(problem.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    private HttpResponse<byte[]> quote(String body) throws Exception {
        String agent = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sourcing/quotes"))
                .header("Content-Type", "application/json").header("Authorization", agent)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
