package io.spareflow.user.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears the changes of {@code app_user} that the trigger of V231 names at commit, from every node and from SQL by
 * hand, and makes {@link KnownUsers} forget each named user and {@link AccessRevocation} end the page sessions of a
 * disabled one on this node. Its own connection, not one of the pool's: it is held
 * for the node's life and lost or re-made on its own schedule, so it neither shrinks the pool nor lives beyond the
 * pool's checks (maximum lifetime, leak detection) as a connection that is never returned. Between notifications it
 * checks every few seconds that the connection still answers; a connection closed by PostgreSQL (a restart, a
 * terminated backend) ends the wait at once. While it is not connected, {@link KnownUsers} keeps nothing.
 */
class UserChangeListener implements SmartLifecycle {

    static final String CHANNEL = "app_user_changed";
    /** How the connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "spareflow user changes";
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(UserChangeListener.class);

    private final KnownUsers users;
    private final AccessRevocation revocation;
    private final DataSource dataSource;
    private final Duration reconnectDelay;
    private volatile boolean running;
    private volatile Connection connection;
    private volatile long connections;
    private Thread thread;

    UserChangeListener(KnownUsers users, AccessRevocation revocation, DataSource dataSource, Duration reconnectDelay) {
        this.users = users;
        this.revocation = revocation;
        this.dataSource = dataSource;
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "user-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeQuietly(connection);
        thread.interrupt();
        try {
            thread.join(CHECK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many times the listener has connected and started listening (tests await a reconnect). */
    long connections() {
        return connections;
    }

    private void listen() {
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                users.listening(true);
                checkSessions(revocation::recheckAll);
                connections++;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] changes = notifications.getNotifications((int) CHECK.toMillis());
                    if (changes != null && changes.length > 0) {
                        for (PGNotification change : changes) {
                            users.evict(change.getParameter());
                            checkSessions(() -> revocation.changed(change.getParameter()));
                        }
                    } else if (!listening.isValid((int) CHECK.toSeconds())) {
                        throw new SQLException("the connection no longer answers");
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening to user changes (every request reads its user until reconnected): {}", e.getMessage());
                }
            } finally {
                users.listening(false);
                connection = null;
            }
            pause();
        }
    }

    /** Ends page sessions; a failure (the database unreachable for the user's read) must not end the listening. */
    private void checkSessions(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            log.warn("Could not check the page sessions of a changed user: {}", e.getMessage());
        }
    }

    /** A connection like the pool's: same database, user and driver properties. */
    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private void pause() {
        if (running) {
            try {
                Thread.sleep(reconnectDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is all that is left to do with it
            }
        }
    }
}
