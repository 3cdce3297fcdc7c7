package io.spareflow.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the pages, in templates as {@code ${@when.at(instant)}}: UTC, to the minute, the same for every reader. */
@Component("when")
class When {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String at(Instant instant) {
        return instant == null ? "—" : MINUTE.format(instant);
    }

    /** How long from now until {@code due} ("in 3 h 20 min") or since it passed ("5 min ago"). */
    public String until(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), due);
        String span = span(left.abs());
        return left.isNegative() ? span + " ago" : "in " + span;
    }

    private static String span(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        return hours >= 48 ? d.toDays() + " d" : hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
