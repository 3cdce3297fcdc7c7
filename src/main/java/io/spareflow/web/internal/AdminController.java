package io.spareflow.web.internal;

import io.spareflow.location.Locations;
import io.spareflow.part.Parts;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.user.Users;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: the master data at a glance, and the CSV import of boards with a line-by-line report. */
@Controller
class AdminController {

    private final ServiceTiers tiers;
    private final Locations locations;
    private final Parts parts;
    private final Users users;
    private final BoardCsvImport boardImport;

    AdminController(ServiceTiers tiers, Locations locations, Parts parts, Users users, BoardCsvImport boardImport) {
        this.tiers = tiers;
        this.locations = locations;
        this.parts = parts;
        this.users = users;
        this.boardImport = boardImport;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("tiers", tiers.all());
        model.addAttribute("locations", locations.all());
        model.addAttribute("parts", parts.all());
        model.addAttribute("users", users.all());
        return "admin";
    }

    @PostMapping("/admin/import/boards")
    String importBoards(@RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        BoardCsvImport.Report report;
        try (InputStream in = file.getInputStream()) {
            report = boardImport.importFrom(in);
        } catch (IOException e) {
            report = new BoardCsvImport.Report(0, List.of("The upload could not be read: " + e.getMessage()));
        }
        flash.addFlashAttribute("ok", report.imported() + " board(s) imported, " + report.rejected().size()
                + " row(s) rejected");
        flash.addFlashAttribute("rejected", report.rejected());
        return "redirect:/admin";
    }
}
