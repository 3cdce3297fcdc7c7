package io.spareflow.web.internal;

import io.spareflow.common.ReaderTime;
import io.spareflow.user.StaffReader;
import io.spareflow.user.Users;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times on the pages as their reader reads them, in templates as {@code ${@pageTime.at(instant)}}: in the signed-in
 * user's time zone (their location's; UTC for a visitor) and the page language's format.
 */
@Component("pageTime")
class PageTime {

    private final ReaderTime time;
    private final Users users;

    PageTime(ReaderTime time, Users users) {
        this.time = time;
        this.users = users;
    }

    public String at(Instant instant) {
        ZoneId zone = Users.current().flatMap(user -> users.reader(user.username())).map(StaffReader::zone)
                .orElse(ZoneOffset.UTC);
        return instant == null ? "—" : time.format(instant, zone, LocaleContextHolder.getLocale());
    }
}
