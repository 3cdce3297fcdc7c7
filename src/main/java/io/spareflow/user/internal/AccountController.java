package io.spareflow.user.internal;

import io.spareflow.user.Passwords;
import io.spareflow.user.StaffUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/account")
@Tag(name = "Account", description = "The signed-in user's own account")
class AccountController {

    /** {@code new} is a Java keyword, hence the record component's name. */
    record PasswordChange(@NotNull String current, @NotNull @JsonProperty("new") String next) {
    }

    private final Passwords passwords;

    AccountController(Passwords passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your password", description = "Body {current, new}; the new password needs 12 characters, "
            + "must not contain the user name and must not be a common password.")
    void changePassword(@AuthenticationPrincipal StaffUser user, @Valid @RequestBody PasswordChange change) {
        passwords.change(user.username(), change.current(), change.next());
    }
}
