package io.spareflow.user.internal;

import io.spareflow.user.Passwords;
import io.spareflow.user.UserAccount;
import io.spareflow.user.UserAdministration;
import io.spareflow.user.UserRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Staff users, their roles and scopes (ADMIN); every change is audited")
class UserController {

    private final UserAdministration administration;
    private final Passwords passwords;

    UserController(UserAdministration administration, Passwords passwords) {
        this.administration = administration;
        this.passwords = passwords;
    }

    @GetMapping
    @Operation(summary = "List the users (ADMIN)")
    List<UserAccount> list() {
        return administration.all();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One user (ADMIN)")
    UserAccount get(@PathVariable String username) {
        return administration.require(username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (ADMIN)", description = "Without a password the user is mailed a one-time link "
            + "to choose one. DEPOT needs a depot, TECHNICIAN a repair center, AGENT a location; a supervisor must be a SUPERVISOR.")
    UserAccount create(@Valid @RequestBody UserRequest request) {
        return administration.create(request);
    }

    @PutMapping("/{username}")
    @Operation(summary = "Change a user's settings (ADMIN)", description = "enabled=false ends the user's sessions and API access at once.")
    UserAccount update(@PathVariable String username, @Valid @RequestBody UserRequest request) {
        return administration.update(username, request);
    }

    @PostMapping("/{username}/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail the user a one-time link to choose a new password (ADMIN)",
            description = "The link is valid for spareflow.security.password-link-validity (1 hour) and once; the current password keeps working until then.")
    Passwords.LinkSent passwordReset(@PathVariable String username) {
        return passwords.sendLink(administration.require(username).username(), false);
    }
}
