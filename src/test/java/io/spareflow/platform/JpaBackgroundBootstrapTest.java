package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Hibernate is built on the start-up's own background thread, not on a scheduler or job executor thread that happens to
 * be the only task executor (nor, should that executor go, on the main thread again, which costs seconds of start-up);
 * the repositories follow it off the main thread.
 */
@SpareflowIntegrationTest
class JpaBackgroundBootstrapTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theEntityManagerFactoryIsBuiltByTheDedicatedBootstrapExecutor() {
        LocalContainerEntityManagerFactoryBean factory = context.getBean("&entityManagerFactory",
                LocalContainerEntityManagerFactoryBean.class);

        assertThat(factory.getBootstrapExecutor()).isSameAs(context.getBean("jpaBootstrapExecutor", SimpleAsyncTaskExecutor.class));
        assertThat(factory.getNativeEntityManagerFactory().isOpen()).isTrue();
    }

    @Test
    void theRepositoriesWereCreatedOffTheMainThreadBeforeTheContextWasRefreshed() {
        assertThat(context.getBean(RepositoryBackgroundInitialization.class).createdTheRepositories()).isTrue();
    }
}
