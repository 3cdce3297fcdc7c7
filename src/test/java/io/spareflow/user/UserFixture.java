package io.spareflow.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Users made through the API as an administrator would, with names unique in this test JVM. */
public final class UserFixture {

    /** A password the policy accepts for any of the fixture's users. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private UserFixture() {
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> body(String username, Role role, String location) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("email", username + "@spareflow.local");
        body.put("role", role.name());
        body.put("locationCode", location);
        body.put("locale", "en");
        return body;
    }

    /** Creates a user with {@link #PASSWORD}; returns the name. */
    public static String create(TestRestTemplate rest, String prefix, Role role, String location) {
        String username = uniqueName(prefix);
        Map<String, Object> body = body(username, role, location);
        body.put("password", PASSWORD);
        ResponseEntity<String> created = rest.withBasicAuth("admin", "demo").exchange("/api/users", HttpMethod.POST,
                json(body), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return username;
    }

    public static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
