package io.spareflow.user;

import java.util.Set;

/** A user to create; the password is hashed before it is stored. */
public record NewUser(String username, String password, String displayName, String email, Role role,
                      String locationCode, Set<String> productLines, String supervisor) {
}
