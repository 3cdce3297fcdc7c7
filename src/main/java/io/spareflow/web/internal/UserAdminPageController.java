package io.spareflow.web.internal;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Explained;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Texts;
import io.spareflow.location.Locations;
import io.spareflow.worklist.Worklist;
import io.spareflow.rma.Cases;
import io.spareflow.user.Passwords;
import io.spareflow.user.Role;
import io.spareflow.user.UserAccount;
import io.spareflow.user.UserAdministration;
import io.spareflow.user.UserRequest;
import io.spareflow.user.Users;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users on pages: the list with a form for a new one, and each user's page with their settings, a password link to
 * mail, and (for reassignment) the tasks they hold and the open cases they own.
 */
@Controller
class UserAdminPageController {

    private final UserAdministration administration;
    private final Passwords passwords;
    private final Users users;
    private final Locations locations;
    private final Worklist work;
    private final Cases cases;
    private final Texts texts;

    UserAdminPageController(UserAdministration administration, Passwords passwords, Users users, Locations locations,
                            Worklist work, Cases cases, Texts texts) {
        this.administration = administration;
        this.passwords = passwords;
        this.users = users;
        this.locations = locations;
        this.work = work;
        this.cases = cases;
        this.texts = texts;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        return listPage(model, Map.of());
    }

    @PostMapping("/admin/users")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            UserAccount created = administration.create(request(form, form.get("username"), blankToNull(form.get("password"))));
            flash.addFlashAttribute("ok", texts.get("people.users.created", created.username()));
            return "redirect:/admin/users/" + created.username();
        } catch (InvalidInputException | ConflictException | ConstraintViolationException refused) {
            response.setStatus(refused instanceof ConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", reason(refused));
            return listPage(model, form);
        }
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, Model model) {
        UserAccount user = administration.require(username);
        return userPage(model, user, Map.of());
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        UserAccount user = administration.require(username);
        try {
            UserAccount after = administration.update(user.username(), request(form, null, null));
            flash.addFlashAttribute("ok", texts.get(after.enabled() || !user.enabled() ? "people.users.saved" : "people.users.disabled",
                    after.username()));
            return "redirect:/admin/users/" + after.username();
        } catch (InvalidInputException | ConstraintViolationException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", reason(refused));
            return userPage(model, user, form);
        }
    }

    @PostMapping("/admin/users/{username}/password-reset")
    String passwordLink(@PathVariable String username, RedirectAttributes flash) {
        Passwords.LinkSent sent = passwords.sendLink(administration.require(username).username(), false);
        flash.addFlashAttribute("ok", texts.get("people.users.linkSent", sent.email(), sent.expiresAt()));
        return "redirect:/admin/users/" + sent.username();
    }

    /** The service's reason; a bean-validation refusal names each field. */
    private String reason(RuntimeException refused) {
        if (refused instanceof ConstraintViolationException invalid) {
            return invalid.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath().toString().replaceFirst("^.*\\.", "") + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; "));
        }
        return refused instanceof Explained explained ? texts.get(explained.detail()) : refused.getMessage();
    }

    private String listPage(Model model, Map<String, String> form) {
        model.addAttribute("users", administration.all());
        model.addAttribute("form", form);
        return common(model, "admin/users");
    }

    private String userPage(Model model, UserAccount user, Map<String, String> form) {
        model.addAttribute("user", user);
        model.addAttribute("form", form.isEmpty() ? formOf(user) : form);
        model.addAttribute("tasks", work.tasksFor(users.require(user.username())).stream()
                .filter(t -> user.username().equals(t.assignee())).toList());
        model.addAttribute("ownedCases", cases.open(user.username(), 200));
        return common(model, "admin/user");
    }

    private String common(Model model, String view) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("locations", locations.all());
        model.addAttribute("supervisors", users.withRole(Role.SUPERVISOR));
        return view;
    }

    private static Map<String, String> formOf(UserAccount user) {
        return Map.of("displayName", user.displayName(), "email", user.email(), "role", user.role().name(),
                "locationCode", user.locationCode() == null ? "" : user.locationCode(),
                "supervisor", user.supervisor() == null ? "" : user.supervisor(), "locale", user.locale(),
                "enabled", String.valueOf(user.enabled()));
    }

    /** The form as a request; a role that is not one is left null and refused by validation. */
    private static UserRequest request(Map<String, String> form, String username, String password) {
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(form.get("role"))).findFirst().orElse(null);
        return new UserRequest(blankToNull(username), password, trim(form.get("displayName")), trim(form.get("email")), role,
                blankToNull(form.get("locationCode")), blankToNull(form.get("supervisor")),
                blankToNull(form.get("locale")), form.containsKey("enabled"));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
