package io.spareflow.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.repository.Repository;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;

/**
 * Creates the Spring Data repositories (their query methods, every query parsed and checked against the entities) on a
 * thread of its own as soon as the entity manager factory's bean exists, so the work overlaps the main thread's (above
 * all the Camunda engine's) instead of following it: with the repositories bootstrapped {@code deferred} Spring Data
 * would do it on the main thread when the context is refreshed. The main thread waits for it once every singleton is
 * created, i.e. just before Spring Data's own initialization (which then finds the repositories made), and a repository
 * that could not be created stops the start there with its cause. Spring 6.2 lets a thread it does not manage create
 * singletons beside the main thread (lenient locking: each waits for a bean the other is creating).
 * docs/performance.md, "start-up".
 */
final class RepositoryBackgroundInitialization implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RepositoryBackgroundInitialization.class);

    private ListableBeanFactory beanFactory;
    private volatile CompletableFuture<Void> initialization;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof EntityManagerFactoryInfo factory && initialization == null) {
            initialization = CompletableFuture.runAsync(() -> createRepositories(factory),
                    new SimpleAsyncTaskExecutor("jpa-repositories-"));
        }
        return bean;
    }

    private void createRepositories(EntityManagerFactoryInfo factory) {
        // first wait for Hibernate outside the bean factory: a thread blocked while creating a bean holds the
        // singleton lock, and the main thread would create all its beans without it meanwhile
        factory.getNativeEntityManagerFactory();
        // type matching without initializing other factory beans on this thread
        String[] repositories = beanFactory.getBeanNamesForType(Repository.class, true, false);
        for (String repository : repositories) {
            beanFactory.getBean(repository);
        }
        log.info("Created {} Spring Data repositories off the main thread", repositories.length);
    }

    /** Whether the repositories were created here, i.e. the context's entity manager factory started it. */
    boolean createdTheRepositories() {
        CompletableFuture<Void> started = initialization;
        return started != null && started.isDone() && !started.isCompletedExceptionally();
    }

    @Override
    public void afterSingletonsInstantiated() {
        CompletableFuture<Void> started = initialization;
        if (started == null) {
            return;
        }
        long waitStart = System.nanoTime();
        try {
            started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        log.info("The main thread waited {} ms for the repositories", (System.nanoTime() - waitStart) / 1_000_000);
    }
}
