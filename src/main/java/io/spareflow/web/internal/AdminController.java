package io.spareflow.web.internal;

import io.spareflow.common.Texts;
import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.location.Locations;
import io.spareflow.part.Parts;
import io.spareflow.rma.DeployedProcesses;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.tier.TierCalendar;
import io.spareflow.user.Users;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration: the master data at a glance, the edit form of each service tier, the CSV imports of boards and
 * locations with a line-by-line report, and the release: application version and deployed process versions.
 */
@Controller
class AdminController {

    private final ServiceTiers tiers;
    private final Locations locations;
    private final Parts parts;
    private final Users users;
    private final BoardCsvImport boardImport;
    private final LocationCsvImport locationImport;
    private final Validator validator;
    private final Audit audit;
    private final DeployedProcesses processes;
    private final ObjectProvider<BuildProperties> build;
    private final Texts texts;

    AdminController(ServiceTiers tiers, Locations locations, Parts parts, Users users, BoardCsvImport boardImport,
                    LocationCsvImport locationImport, Validator validator, Audit audit, DeployedProcesses processes,
                    ObjectProvider<BuildProperties> build, Texts texts) {
        this.audit = audit;
        this.tiers = tiers;
        this.locations = locations;
        this.parts = parts;
        this.users = users;
        this.boardImport = boardImport;
        this.locationImport = locationImport;
        this.validator = validator;
        this.processes = processes;
        this.build = build;
        this.texts = texts;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        return page(model, Map.of());
    }

    /** The page, with the tier forms as stored except those being edited. */
    private String page(Model model, Map<String, TierForm> edited) {
        List<ServiceTier> all = tiers.all();
        Map<String, TierForm> tierForms = new LinkedHashMap<>();
        all.forEach(tier -> tierForms.put(tier.name(), edited.getOrDefault(tier.name(), TierForm.of(tier))));
        model.addAttribute("tiers", all);
        model.addAttribute("tierForms", tierForms);
        model.addAttribute("calendars", TierCalendar.values());
        model.addAttribute("locations", locations.all());
        model.addAttribute("parts", parts.all());
        model.addAttribute("users", users.all());
        model.addAttribute("processes", processes.all());
        model.addAttribute("build", build.getIfAvailable());
        return "admin";
    }

    /**
     * Replaces a tier's limits. A refused form is shown again as typed, with the reasons next to it (400), and the
     * tier stays as it was.
     */
    @PostMapping("/admin/tiers/{name}")
    String updateTier(@PathVariable String name, @RequestParam Map<String, String> params, Model model,
                      HttpServletResponse response, RedirectAttributes flash) {
        String tier = tiers.require(name).name();
        TierForm form = TierForm.posted(params);
        List<String> errors = new ArrayList<>();
        ServiceTier limits = form.toTier(tier, errors);
        if (limits != null) {
            validator.validate(limits).stream().map(AdminController::reason).sorted().forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            model.addAttribute("tierErrors", Map.of(tier, errors));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, Map.of(tier, form));
        }
        tiers.update(tier, limits);
        flash.addFlashAttribute("ok", texts.get("pages.admin.tierUpdated", tier));
        return "redirect:/admin";
    }

    /** A field's constraint names the field; a rule across fields (an {@code @AssertTrue} method) says it all. */
    private static String reason(ConstraintViolation<ServiceTier> violation) {
        boolean acrossFields = violation.getConstraintDescriptor().getAnnotation() instanceof AssertTrue;
        return acrossFields ? violation.getMessage() : violation.getPropertyPath() + " " + violation.getMessage();
    }

    @PostMapping("/admin/import/boards")
    String importBoards(@RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        return report(file, AuditedEntity.BOARD, "pages.admin.importedBoards", boardImport::importFrom, flash);
    }

    @PostMapping("/admin/import/locations")
    String importLocations(@RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        return report(file, AuditedEntity.LOCATION, "pages.admin.importedLocations", locationImport::importFrom, flash);
    }

    /** Imports a file and audits it as one entry with its line report (also a file that imported nothing). */
    private String report(MultipartFile file, AuditedEntity kind, String importedKey, Function<InputStream, CsvImport.Report> importer,
                          RedirectAttributes flash) {
        CsvImport.Report report;
        try (InputStream in = file.getInputStream()) {
            report = importer.apply(in);
        } catch (IOException e) {
            report = new CsvImport.Report(0, List.of(texts.get("pages.admin.uploadUnreadable", e.getMessage())));
        }
        audit.recordImport(kind, file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename(), report);
        flash.addFlashAttribute("ok", texts.get(importedKey, report.imported(), report.rejected().size()));
        flash.addFlashAttribute("rejected", report.rejected());
        return "redirect:/admin";
    }
}
