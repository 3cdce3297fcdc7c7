package io.spareflow.user;

/** A user as shown to others (no credentials). */
public record UserSummary(String username, String displayName, String email, Role role, String locationCode,
                          String supervisor) {

    public static UserSummary of(StaffUser user) {
        return new UserSummary(user.username(), user.displayName(), user.email(), user.role(), user.locationCode(),
                user.supervisor());
    }
}
