package io.spareflow.customer;

import java.util.Locale;

/** A person at the customer (usually NOC staff) who receives case mail; {@code locale} picks the mail templates. */
public record ContactInfo(long id, String customerCode, String name, String email, String locale) {

    /** The contact's language ({@code en}, {@code zh-CN}, {@code zh_CN}…), English when none is set. */
    public Locale language() {
        return locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale.trim().replace('_', '-'));
    }
}
