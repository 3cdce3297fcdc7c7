package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.data.repository.Repository;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;

/**
 * The repositories are created off the main thread once the entity manager factory exists, yet one that cannot be
 * created (a broken query) still stops the start, on the main thread, with its cause.
 */
class RepositoryBackgroundInitializationTest {

    static class StubRepository implements Repository<Object, Long> {
    }

    private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
    private final RepositoryBackgroundInitialization initialization = new RepositoryBackgroundInitialization();
    private final EntityManagerFactoryInfo entityManagerFactory = mock(EntityManagerFactoryInfo.class);

    @Test
    void theRepositoriesAreCreatedOnAThreadOfTheirOwnOnceTheEntityManagerFactoryIsBuilt() {
        AtomicReference<String> createdOn = new AtomicReference<>();
        register(() -> {
            createdOn.set(Thread.currentThread().getName());
            return new StubRepository();
        });

        initialization.postProcessAfterInitialization(entityManagerFactory, "entityManagerFactory");
        initialization.afterSingletonsInstantiated();

        assertThat(createdOn.get()).startsWith("jpa-repositories-");
        assertThat(beanFactory.containsSingleton("stubRepository")).isTrue();
        verify(entityManagerFactory).getNativeEntityManagerFactory();
    }

    @Test
    void aRepositoryThatCannotBeCreatedStopsTheStartWithItsCause() {
        IllegalStateException brokenQuery = new IllegalStateException("Validation failed for query of method findBroken");
        register(() -> {
            throw brokenQuery;
        });

        initialization.postProcessAfterInitialization(entityManagerFactory, "entityManagerFactory");

        assertThatThrownBy(initialization::afterSingletonsInstantiated)
                .isInstanceOf(BeanCreationException.class)
                .rootCause().isSameAs(brokenQuery);
    }

    private void register(Supplier<StubRepository> repository) {
        beanFactory.registerBeanDefinition("stubRepository", new RootBeanDefinition(StubRepository.class, repository));
        initialization.setBeanFactory(beanFactory);
    }
}
