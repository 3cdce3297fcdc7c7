package io.spareflow.user;

/** A user was disabled: their sessions and API access end when the change commits. */
public record UserDisabled(String username) {
}
