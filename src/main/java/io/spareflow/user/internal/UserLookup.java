package io.spareflow.user.internal;

import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the user a request with credentials signs in as from the database: on a miss of {@link KnownUsers}, and for
 * every request while this node does not hear the changes of users ({@link UserChangeListener}), so that a disabled
 * user or a changed password takes effect at once on every node. One statement on its own connection in auto-commit:
 * {@code Users.find} (a read-only JPA transaction: a session, BEGIN, the select, COMMIT, resetting the connection)
 * took 0.6 ms p50 of each API call (docs/performance.md, "Issue 15, fourth session").
 */
@Component
public class UserLookup {

    private static final String USER = "select username, password_hash, display_name, email, role, location_code,"
            + " supervisor, enabled, locale from app_user where username = ?";

    private final JdbcTemplate jdbc;

    UserLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user named {@code username} (surrounding blanks ignored, as {@code Users.find} does), if there is one. */
    public Optional<StaffUser> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.query(USER, (row, n) -> UserEntity.staffUser(row.getString("username"), row.getString("password_hash"),
                row.getString("display_name"), row.getString("email"), Role.valueOf(row.getString("role")),
                row.getString("location_code"), row.getString("supervisor"), row.getBoolean("enabled"),
                row.getString("locale")), username.trim()).stream().findFirst();
    }
}
