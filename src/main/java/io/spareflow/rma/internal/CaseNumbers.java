package io.spareflow.rma.internal;

import io.spareflow.common.CaseNumber;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The next case number of the year ({@link CaseNumber#issued}) and unguessable tracking tokens. */
@Component
class CaseNumbers {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    CaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the year; the row lock of the upsert serialises concurrent reports. */
    String next(Instant at) {
        int year = at.atZone(ZoneOffset.UTC).getYear();
        Long value = jdbc.queryForObject("INSERT INTO rma_case_counter (year, last_value) VALUES (?, 1) "
                + "ON CONFLICT (year) DO UPDATE SET last_value = rma_case_counter.last_value + 1 RETURNING last_value",
                Long.class, year);
        return CaseNumber.issued(year, value).value();
    }

    /** 192 random bits, URL-safe base64 (32 characters). */
    String trackingToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
