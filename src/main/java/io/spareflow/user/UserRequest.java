package io.spareflow.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to create (POST /api/users) or the new state of one (PUT /api/users/{username}). {@code password} is only
 * for creation and optional: without it the new user is mailed a link to choose one. {@code enabled} defaults to true.
 * Which location a role needs is checked by {@link UserAdministration}.
 */
public record UserRequest(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{1,39}", message = "must be 2 to 40 of A-Z, a-z, 0-9, '.', '_', '-'")
        String username,
        String password,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull Role role,
        @Size(max = 16) String locationCode,
        @Size(max = 40) String supervisor,
        @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") String locale,
        Boolean enabled) {
}
