package io.spareflow.user.internal;

import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without users (the `postgres` profile loads no demo users), creates the first administrator from
 * {@code SPAREFLOW_ADMIN_PASSWORD}, so an operator can sign in and create the others.
 */
@Component
@Order(30)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final String password;

    AdminBootstrap(Users users, @Value("${spareflow.bootstrap-admin-password:}") String password) {
        this.users = users;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        if (password.isBlank()) {
            log.warn("No users exist. Set SPAREFLOW_ADMIN_PASSWORD to create the first administrator ('admin').");
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("SPAREFLOW_ADMIN_PASSWORD must have at least 12 characters");
        }
        users.create(new NewUser("admin", password, "Administrator", "admin@localhost", Role.ADMIN, "HQ", null));
        log.info("Created the first administrator 'admin'");
    }
}
