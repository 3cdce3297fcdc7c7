package io.spareflow.user;

import static io.spareflow.user.UserFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Throttled sign-in through both doors. Each test signs in from its own loopback addresses (127.0.0.x), so a lock here
 * never touches the other tests, which come from 127.0.0.1.
 */
@SpareflowIntegrationTest
class LoginThrottlingTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void theSixthWrongPasswordIsA429WhileAnotherUserStillSignsIn() {
        String victim = UserFixture.create(rest, "victim", Role.AGENT, "SZX");
        String other = UserFixture.create(rest, "other", Role.AGENT, "SZX");
        LoopbackClient attacker = from("127.0.0.2");
        for (int i = 1; i <= 5; i++) {
            assertThat(attacker.basic("/api/parts", victim, "wrong guess " + i).status()).as("attempt %d", i).isEqualTo(401);
        }
        LoopbackClient.Response sixth = attacker.basic("/api/parts", victim, "wrong guess 6");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Long.parseLong(sixth.header("Retry-After").orElseThrow())).isBetween(880L, 900L);
        assertThat(sixth.body()).contains("15 minute");

        assertThat(from("127.0.0.3").basic("/api/parts", victim, PASSWORD).status())
                .as("the victim's name is locked from every address, even with the right password").isEqualTo(429);
        assertThat(from("127.0.0.3").basic("/api/parts", other, PASSWORD).status()).as("another user signs in").isEqualTo(200);
        assertThat(signInWithForm(from("127.0.0.3"), victim, PASSWORD).status()).isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE username = ? AND address = '127.0.0.2'",
                Integer.class, victim)).as("each failure recorded, the throttled attempt is not a failure").isEqualTo(5);
    }

    @Test
    void anAddressGuessingManyNamesIsLockedAndTheFormSaysForHowLong() {
        String user = UserFixture.create(rest, "form", Role.AGENT, "SZX");
        LoopbackClient guesser = from("127.0.0.4");
        for (int i = 1; i <= 5; i++) {
            LoopbackClient.Response wrong = signInWithForm(guesser, "nobody-" + i, "guess");
            assertThat(wrong.status()).isEqualTo(302);
            assertThat(wrong.header("Location").orElseThrow()).endsWith("/login?error");
        }
        LoopbackClient.Response locked = signInWithForm(guesser, user, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed sign-ins").contains("15 minute");

        LoopbackClient.Response elsewhere = signInWithForm(from("127.0.0.5"), user, PASSWORD);
        assertThat(elsewhere.status()).isEqualTo(302);
        assertThat(elsewhere.header("Location").orElseThrow()).doesNotContain("error").endsWith("/");
    }

    private LoopbackClient from(String address) {
        return new LoopbackClient(address, port);
    }

    private static LoopbackClient.Response signInWithForm(LoopbackClient client, String user, String password) {
        LoopbackClient.Response loginPage = client.get("/login", Map.of());
        Matcher csrf = CSRF_FIELD.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String cookie = loginPage.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return client.postForm("/login", Map.of("Cookie", cookie),
                Map.of("username", user, "password", password, "_csrf", csrf.group(1)));
    }
}
