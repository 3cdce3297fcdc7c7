package io.spareflow.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements executed through the application's DataSource (JPA, JDBC and the Camunda engine alike):
 * each execute call counts one, each batched statement counts one. {@link #record} lists the statements one piece of
 * work runs on the calling thread.
 */
class StatementCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");
    static final AtomicLong STATEMENTS = new AtomicLong();
    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();
    private static volatile Queue<Executed> everyThread;
    private static volatile boolean counting = true;

    /** A statement and the thread that ran it. */
    record Executed(String thread, String sql) {
    }

    /**
     * Lists every statement any thread executes while {@code work} runs (the server's request threads, the job
     * executor, pollers), except {@code work}'s own thread. One recording at a time.
     */
    static List<Executed> recordEveryThread(Runnable work) {
        Queue<Executed> statements = new ConcurrentLinkedQueue<>();
        Thread self = Thread.currentThread();
        everyThread = statements;
        try {
            work.run();
        } finally {
            everyThread = null;
        }
        String own = self.getName();
        return statements.stream().filter(s -> !s.thread().equals(own)).toList();
    }

    /** The SQL of every statement {@code work} executes on this thread, in order (batched ones once per row). */
    static List<String> record(Runnable work) {
        List<String> statements = new ArrayList<>();
        RECORDED.set(statements);
        try {
            work.run();
        } finally {
            RECORDED.remove();
        }
        return statements;
    }

    /**
     * While off, connections are handed out as the pool's own: nothing is counted, and the proxies' reflective calls
     * (a tenth of a scan's CPU) are not part of a throughput figure.
     */
    static void counting(boolean on) {
        counting = on;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return proxy(DataSource.class, dataSource, (method, args, result) ->
                    "getConnection".equals(method.getName()) && counting ? proxy(Connection.class, result, this::statements) : result);
        }
        return bean;
    }

    private Object statements(Method method, Object[] args, Object result) {
        if (!STATEMENT_FACTORIES.contains(method.getName())) {
            return result;
        }
        Class<?> type = method.getReturnType();
        String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
        return proxy(type, result, (m, a, r) -> {
            if (EXECUTIONS.contains(m.getName())) {
                STATEMENTS.incrementAndGet();
                String sql = prepared != null ? prepared : a != null && a.length > 0 ? String.valueOf(a[0]) : "?";
                List<String> recording = RECORDED.get();
                if (recording != null) {
                    recording.add(sql);
                }
                Queue<Executed> all = everyThread;
                if (all != null) {
                    all.add(new Executed(Thread.currentThread().getName(), sql));
                }
            }
            return r;
        });
    }

    private interface Wrapping {
        Object wrap(Method method, Object[] args, Object result) throws Exception;
    }

    private static Object proxy(Class<?> type, Object target, Wrapping wrapping) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return wrapping.wrap(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
