package io.spareflow.user;

import java.time.ZoneId;
import java.util.Locale;

/** A staff user as the reader of a mail: where to send it, in which language, and the time zone of their location. */
public record StaffReader(String username, String displayName, String email, Locale locale, ZoneId zone) {
}
