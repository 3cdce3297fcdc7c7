package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A moment in the reader's zone and their language's format, from the patterns of i18n/mail. */
class ReaderTimeTest {

    private static final Instant AT = Instant.parse("2026-12-01T12:45:00Z");

    private final ReaderTime time = new ReaderTime(messages());

    @Test
    void aChineseReaderInChengduReadsBeijingTimeInChineseOrder() {
        assertThat(time.format(AT, ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE)).startsWith("2026年12月1日 周二 20:45");
    }

    @Test
    void anEnglishReaderInNairobiReadsEastAfricaTime() {
        assertThat(time.format(AT, ZoneId.of("Africa/Nairobi"), Locale.ENGLISH)).isEqualTo("Tue 1 Dec 2026, 15:45 EAT");
    }

    @Test
    void noMomentIsNoText() {
        assertThat(time.format(null, ZoneId.of("UTC"), Locale.ENGLISH)).isNull();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
