package io.spareflow.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Builds Hibernate's entity manager factory on a thread of its own while the main thread goes on creating the other
 * beans, above all the Camunda engine (whose MyBatis mappings cost as much to parse): with the repositories bootstrapped
 * {@code deferred} (application.yml) nothing waits for the factory until the first transaction, and the repositories
 * are created, and their queries checked, on another thread once the factory's bean exists
 * ({@link RepositoryBackgroundInitialization}), before the context is refreshed, so a broken query still stops the start. A dedicated thread rather than whichever task executor happens to be the only one (Spring Boot's
 * own choice, which picks the scheduler's single thread here). docs/performance.md, "start-up".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.data.jpa.repositories.bootstrap-mode", havingValue = "deferred")
class JpaBackgroundBootstrap {

    @Bean
    SimpleAsyncTaskExecutor jpaBootstrapExecutor() {
        return new SimpleAsyncTaskExecutor("jpa-bootstrap-");
    }

    /** Static: a bean post-processor, registered before the entity manager factory it waits for is created. */
    @Bean
    static RepositoryBackgroundInitialization repositoryBackgroundInitialization() {
        return new RepositoryBackgroundInitialization();
    }

    @Bean
    EntityManagerFactoryBuilderCustomizer jpaBackgroundBootstrapCustomizer(SimpleAsyncTaskExecutor jpaBootstrapExecutor) {
        return builder -> builder.setBootstrapExecutor(jpaBootstrapExecutor);
    }
}
