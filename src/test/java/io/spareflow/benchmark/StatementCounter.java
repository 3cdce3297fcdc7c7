package io.spareflow.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements executed through the application's DataSource (JPA, JDBC and the Camunda engine alike):
 * each execute call counts one, each batched statement counts one.
 */
class StatementCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");
    static final AtomicLong STATEMENTS = new AtomicLong();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return proxy(DataSource.class, dataSource, (method, result) ->
                    "getConnection".equals(method.getName()) ? proxy(Connection.class, result, this::statements) : result);
        }
        return bean;
    }

    private Object statements(Method method, Object result) {
        if (!STATEMENT_FACTORIES.contains(method.getName())) {
            return result;
        }
        Class<?> type = method.getReturnType();
        return proxy(type, result, (m, r) -> {
            if (EXECUTIONS.contains(m.getName())) {
                STATEMENTS.incrementAndGet();
            }
            return r;
        });
    }

    private interface Wrapping {
        Object wrap(Method method, Object result) throws Exception;
    }

    private static Object proxy(Class<?> type, Object target, Wrapping wrapping) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return wrapping.wrap(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
