package io.spareflow.web;

import io.spareflow.user.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in and the start page, which points each role to its work. */
@Controller
class HomeController {

    private final boolean demoData;

    /** The demo data (users with password "demo") is loaded only with {@code spareflow.demo.enabled}. */
    HomeController(@Value("${spareflow.demo.enabled:false}") boolean demoData) {
        this.demoData = demoData;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoCredentials", demoData);
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        Users.current().ifPresent(user -> model.addAttribute("user", user));
        return "home";
    }
}
