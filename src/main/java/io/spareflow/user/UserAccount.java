package io.spareflow.user;

import java.time.Instant;

/** A user as the administration sees and audits it: everything but the password hash. */
public record UserAccount(String username, String displayName, String email, Role role, String locationCode,
                          String supervisor, String locale, boolean enabled, Instant passwordChangedAt) {
}
