package io.spareflow.web;

import io.spareflow.user.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in and the start page, which points each role to its work. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        Users.current().ifPresent(user -> model.addAttribute("user", user));
        return "home";
    }
}
