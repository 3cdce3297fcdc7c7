package io.spareflow.user;

import java.time.Instant;
import java.util.Locale;

/**
 * A one-time link to choose a password was issued and is to be mailed to the user ({@code firstPassword}: the account
 * is new). {@code linkId} identifies the link without revealing it.
 */
public record PasswordLinkIssued(String username, String displayName, String email, Locale locale, String link,
                                 String linkId, Instant expiresAt, boolean firstPassword) {
}
