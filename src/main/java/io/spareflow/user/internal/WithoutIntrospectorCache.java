package io.spareflow.user.internal;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Takes Spring MVC's {@code HandlerMappingIntrospector} cache filter out from in front of Spring Security's filter
 * chains. Spring Security puts it there (WebMvcSecurityConfiguration) so that {@code MvcRequestMatcher}s and CORS can
 * read the request's handler later: on every request it looks the handler up in every handler mapping — a second
 * handler look-up besides the DispatcherServlet's, and for a path no controller maps (a static file) two passes over
 * all request mappings. Every security rule here is a path pattern ({@code PathPatternRequestMatcher}) and no chain
 * configures CORS, so nothing reads that cache. {@code spareflow.security.mvc-introspector-cache=true} leaves Spring
 * Security's arrangement as it is (to measure what the look-up costs).
 */
final class WithoutIntrospectorCache implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String KEEP_PROPERTY = "spareflow.security.mvc-introspector-cache";
    private static final String COMPOSITE = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String CACHE_FILTER = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    private boolean keep;

    @Override
    public void setEnvironment(Environment environment) {
        keep = environment.getProperty(KEEP_PROPERTY, Boolean.class, false);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        String name = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
        if (keep || !(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(name)
                || !COMPOSITE.equals(registry.getBeanDefinition(name).getBeanClassName())) {
            return;
        }
        ValueHolder filters = registry.getBeanDefinition(name).getConstructorArgumentValues()
                .getIndexedArgumentValue(0, List.class);
        if (filters == null || !(filters.getValue() instanceof List<?> list) || list.size() != 2) {
            return;
        }
        list.stream().filter(BeanDefinition.class::isInstance).map(BeanDefinition.class::cast)
                .filter(filter -> !CACHE_FILTER.equals(filter.getBeanClassName())).findFirst()
                .filter(chains -> list.stream().anyMatch(f -> f instanceof BeanDefinition d && CACHE_FILTER.equals(d.getBeanClassName())))
                .ifPresent(chains -> {
                    registry.removeBeanDefinition(name);
                    registry.registerBeanDefinition(name, chains);
                });
    }
}
