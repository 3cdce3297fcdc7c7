package io.spareflow.user.internal;

import static io.spareflow.user.UserFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.benchmark.MachineLoad;
import io.spareflow.user.Role;
import io.spareflow.user.UserFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users kept in memory for requests with credentials are forgotten at every change of their row, however it is made:
 * here by plain SQL on another connection, as another node or a data fix by hand would.
 */
@SpareflowIntegrationTest
class UserChangesTest {

    private static final Duration NOTIFIED = Duration.ofSeconds(10);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    KnownUsers knownUsers;
    @Autowired
    UserChangeListener listener;
    @Autowired
    PasswordEncoder passwords;
    @LocalServerPort
    int port;

    @Test
    void aUserDisabledInTheDatabaseIsRefusedOnceTheChangeIsHeard() {
        String depot = keptDepotUser();
        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", depot);
        await().atMost(NOTIFIED).until(() -> !knownUsers.keeps(depot));
        assertThat(status(depot, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPasswordChangedInTheDatabaseTakesEffectOnceTheChangeIsHeard() {
        String depot = keptDepotUser();
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", passwords.encode("another " + PASSWORD), depot);
        await().atMost(NOTIFIED).until(() -> !knownUsers.keeps(depot));
        assertThat(status(depot, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(depot, "another " + PASSWORD)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void whileTheListenerIsDisconnectedEveryRequestReadsItsUserAndTheListenerReconnects() {
        String depot = keptDepotUser();
        long connections = listener.connections();
        assertThat(jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                Boolean.class, UserChangeListener.APPLICATION_NAME)).containsExactly(true);
        await().atMost(NOTIFIED).until(() -> !knownUsers.keeps(depot));
        assertThat(status(depot, PASSWORD)).as("read, not kept: nobody hears its changes").isEqualTo(HttpStatus.OK);
        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", depot);
        assertThat(status(depot, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);

        await().atMost(NOTIFIED).until(() -> listener.connections() > connections);
        jdbc.update("UPDATE app_user SET enabled = TRUE WHERE username = ?", depot);
        await().atMost(NOTIFIED).until(() -> status(depot, PASSWORD) == HttpStatus.OK && knownUsers.keeps(depot));
        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", depot);
        await().atMost(NOTIFIED).until(() -> !knownUsers.keeps(depot));
        assertThat(status(depot, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /**
     * While another transaction holds {@code app_user} locked against every reader, a repeated request with the same
     * credentials still answers: it ran no statement on that table (any would wait for the lock).
     */
    @Test
    void aRepeatedRequestWithTheSameCredentialsReadsNoUser() throws Exception {
        String depot = keptDepotUser();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/parts"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((depot + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try (Connection locking = dataSource.getConnection(); Statement lock = locking.createStatement()) {
            locking.setAutoCommit(false);
            lock.execute("LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE");
            try {
                assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            } catch (HttpTimeoutException e) {
                throw new AssertionError("the request waited for the lock on app_user: it read the user", e);
            } finally {
                locking.rollback();
                locking.setAutoCommit(true);
            }
        }
    }

    /**
     * How long after a change its eviction comes on this node (the listener's connection hears what another
     * connection commits): printed, for docs/performance.md.
     */
    @Test
    void theDelayFromAChangeToItsEviction() {
        String depot = keptDepotUser();
        int changes = 300;
        long[] untilCommitted = new long[changes];
        long[] untilEvicted = new long[changes];
        for (int i = 0; i < changes; i++) {
            knownUsers.find(depot);
            assertThat(knownUsers.keeps(depot)).isTrue();
            long start = System.nanoTime();
            jdbc.update("UPDATE app_user SET display_name = display_name WHERE username = ?", depot);
            untilCommitted[i] = System.nanoTime() - start;
            long deadline = start + NOTIFIED.toNanos();
            while (knownUsers.keeps(depot)) {
                assertThat(System.nanoTime()).as("evicted within %s", NOTIFIED).isLessThan(deadline);
                LockSupport.parkNanos(20_000); // not a spin: on a loaded machine the listener needs the core
            }
            untilEvicted[i] = System.nanoTime() - start;
        }
        Arrays.sort(untilCommitted);
        Arrays.sort(untilEvicted);
        System.out.printf(Locale.ROOT, "User change → eviction, %d changes: update sent → committed p50 %.3f ms p99 %.3f ms;"
                        + " update sent → evicted p50 %.3f ms p99 %.3f ms; load %s%n", changes,
                untilCommitted[changes / 2] / 1e6, untilCommitted[changes * 99 / 100] / 1e6,
                untilEvicted[changes / 2] / 1e6, untilEvicted[changes * 99 / 100] / 1e6, MachineLoad.now());
    }

    /** A new depot user who has signed in, and whom this node now keeps. */
    private String keptDepotUser() {
        String depot = UserFixture.create(rest, "kept", Role.DEPOT, "CTU");
        await().atMost(NOTIFIED).until(() -> status(depot, PASSWORD) == HttpStatus.OK && knownUsers.keeps(depot));
        return depot;
    }

    private HttpStatus status(String username, String password) {
        return HttpStatus.valueOf(rest.withBasicAuth(username, password).getForEntity("/api/parts", String.class)
                .getStatusCode().value());
    }
}
