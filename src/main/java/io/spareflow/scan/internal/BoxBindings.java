package io.spareflow.scan.internal;

import io.spareflow.common.Message;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Boxes bound to their case by a scan of the return label, per person and device ({@code scan_box_binding}): kept in
 * the database, so a binding survives a restart and holds on every node, for a short time only, and used up by the
 * next board scanned from that box. Also the words of the answers to these scans ({@code i18n/labels}).
 */
@Component
public class BoxBindings {

    /** The case a box belongs to and the serial that case expects back (null when the label could not carry it). */
    public record BoxBinding(String caseNumber, String expectedSerial) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration validity;
    private final MessageSource messages;

    BoxBindings(JdbcTemplate jdbc, Clock clock, @Value("${spareflow.scan.box-binding-validity}") Duration validity,
                MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validity = validity;
        this.messages = messages;
    }

    /** Binds the box in front of {@code username} at {@code device} to a case, replacing an earlier binding. */
    public void bind(String username, String device, String locationCode, BoxBinding binding) {
        Instant now = clock.instant();
        jdbc.update("""
                insert into scan_box_binding (username, device, location_code, case_number, expected_serial, bound_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (username, device) do update set location_code = excluded.location_code,
                    case_number = excluded.case_number, expected_serial = excluded.expected_serial,
                    bound_at = excluded.bound_at, expires_at = excluded.expires_at""",
                username, key(device), locationCode, binding.caseNumber(), binding.expectedSerial(),
                Timestamp.from(now), Timestamp.from(now.plus(validity)));
    }

    /** The binding of {@code username}'s box at {@code device} and location, used up now; empty if none or lapsed. */
    public Optional<BoxBinding> take(String username, String device, String locationCode) {
        return jdbc.query("""
                        delete from scan_box_binding where username = ? and device = ? and location_code = ?
                        returning case_number, expected_serial, expires_at""",
                (row, n) -> row.getTimestamp("expires_at").toInstant().isAfter(clock.instant())
                        ? new BoxBinding(row.getString("case_number"), row.getString("expected_serial")) : null,
                username, key(device), locationCode).stream().filter(Objects::nonNull).findFirst();
    }

    /** What the person scanning does next, once the box is bound. */
    public String bound(BoxBinding binding) {
        return binding.expectedSerial() == null
                ? text("labels.binding.boundNoSerial", binding.caseNumber(), validity.toMinutes())
                : text("labels.binding.bound", binding.caseNumber(), validity.toMinutes(), binding.expectedSerial());
    }

    /** Why {@code serial} is not the board the bound case expects, or empty when it is (or the label named none). */
    public Optional<String> wrongBoard(BoxBinding binding, String serial) {
        return binding.expectedSerial() == null || binding.expectedSerial().equalsIgnoreCase(serial) ? Optional.empty()
                : Optional.of(text("labels.binding.wrongBoard", binding.caseNumber(), binding.expectedSerial(), serial));
    }

    public Message notAtDefectiveReceive(String caseNumber, Object action) {
        return Message.of("labels.binding.onlyAtDefectiveReceive", caseNumber, action);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String key(String device) {
        return device == null ? "" : device.trim();
    }
}
