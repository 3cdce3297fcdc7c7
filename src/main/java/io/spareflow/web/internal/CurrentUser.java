package io.spareflow.web.internal;

import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;

/** The signed-in user of a page request (the security chain lets no anonymous request reach the page controllers). */
final class CurrentUser {

    private CurrentUser() {
    }

    static StaffUser require() {
        return Users.signedIn();
    }
}
