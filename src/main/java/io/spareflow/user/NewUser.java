package io.spareflow.user;

/** A user to create; the password is hashed before it is stored. */
public record NewUser(String username, String password, String displayName, String email, Role role,
                      String locationCode, String supervisor) {
}
