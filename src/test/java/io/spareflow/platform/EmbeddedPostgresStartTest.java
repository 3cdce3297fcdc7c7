package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The database is started off the main thread, yet a server that does not start still stops the start with its own
 * cause, and a server nobody took is not left running.
 */
class EmbeddedPostgresStartTest {

    @Test
    void theServerIsStartedOnAThreadOfItsOwnAndHandedToTheBean() throws Exception {
        EmbeddedPostgres postgres = mock(EmbeddedPostgres.class);
        AtomicReference<String> startedOn = new AtomicReference<>();
        EmbeddedPostgresStart start = new EmbeddedPostgresStart(() -> {
            startedOn.set(Thread.currentThread().getName());
            return postgres;
        });

        start.postProcessBeanFactory(null);

        assertThat(start.server()).isSameAs(postgres);
        assertThat(startedOn.get()).startsWith("embedded-postgres-");
        start.destroy();
        verify(postgres, never()).close();
    }

    @Test
    void aServerThatDidNotStartStopsTheStartWithItsCause() throws Exception {
        UncheckedIOException failure = new UncheckedIOException("embedded PostgreSQL did not start", new IOException("port in use"));
        EmbeddedPostgresStart start = new EmbeddedPostgresStart(() -> {
            throw failure;
        });

        start.postProcessBeanFactory(null);

        assertThatThrownBy(start::server).isSameAs(failure);
        start.destroy();
    }

    @Test
    void aServerStartedForAContextThatFailedBeforeTakingItIsClosed() throws Exception {
        EmbeddedPostgres postgres = mock(EmbeddedPostgres.class);
        EmbeddedPostgresStart start = new EmbeddedPostgresStart(() -> postgres);

        start.postProcessBeanFactory(null);
        start.destroy();

        verify(postgres).close();
    }
}
