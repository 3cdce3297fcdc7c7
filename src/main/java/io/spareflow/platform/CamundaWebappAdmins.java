package io.spareflow.platform;

import io.spareflow.user.Role;
import io.spareflow.user.UserSummary;
import io.spareflow.user.Users;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapp admits a single-sign-on user only if its own identity store knows the user: every Spareflow
 * ADMIN gets a Camunda user (with an unusable random password — they sign in through Spareflow) in the
 * {@code camunda-admin} group. Runs at every start, after the users are loaded.
 */
@Component
@Order(40)
class CamundaWebappAdmins implements ApplicationRunner {

    private final IdentityService identity;
    private final Users users;

    CamundaWebappAdmins(IdentityService identity, Users users) {
        this.identity = identity;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult() == null) {
            Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
            admins.setName("Camunda administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(admins);
        }
        for (UserSummary admin : users.withRole(Role.ADMIN)) {
            if (identity.createUserQuery().userId(admin.username()).singleResult() == null) {
                User user = identity.newUser(admin.username());
                user.setFirstName(admin.displayName());
                user.setLastName("");
                user.setEmail(admin.email());
                user.setPassword(UUID.randomUUID().toString());
                identity.saveUser(user);
            }
            if (identity.createUserQuery().userId(admin.username()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
                identity.createMembership(admin.username(), Groups.CAMUNDA_ADMIN);
            }
        }
    }
}
